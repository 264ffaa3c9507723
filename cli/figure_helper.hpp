// SVG, PNG and PDF need Qt, and loading Qt's libraries costs more start-up time than most
// runs take (issue 15), so `memx` itself links no Qt. It hands a command that asks for an
// image format to its figure helper, memx-figures (the same commands, linked with
// render/memx_render_images), installed at <bin>/../libexec/memx/memx-figures.
#pragma once

namespace memx::cli {

// Whether this binary draws images itself (memx-figures) or hands them over (memx).
bool drawsImages();

// Whether the command line asks `graph` or `explain` for an image: `--format svg|png|pdf`, or
// `-o`/`--figure` naming a .svg, .png or .pdf file. Read before CLI11 parses the arguments.
bool asksForImages(int argc, char** argv);

// Runs memx-figures with the same arguments in place of this process. Returns (exit code 2)
// only when it cannot, after saying why.
int handOverToFigureHelper(char** argv);

}  // namespace memx::cli
