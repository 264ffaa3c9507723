// memx proper links no Qt (cli/figure_helper.hpp): its main() hands image requests to
// memx-figures before any command runs, so these stand-ins are reached only if that check
// missed a way of asking for an image; they fail loudly instead of writing nothing.
#include "cli/figure_helper.hpp"
#include "render/figure.hpp"

namespace memx {

bool cli::drawsImages() {
    return false;
}

render::PixelSize render::imageSize(const Layout&, ImageFormat, const ImageOptions&) {
    throw RenderError("this memx draws no images; memx-figures does");
}

std::vector<std::uint8_t> render::writeImage(const Layout&, ImageFormat, const ImageOptions&) {
    throw RenderError("this memx draws no images; memx-figures does");
}

}  // namespace memx
