// memx-figures: the CLI linked with render/memx_render_images, which draws SVG, PNG and PDF.
#include "cli/figure_helper.hpp"

namespace memx::cli {

bool drawsImages() {
    return true;
}

}  // namespace memx::cli
