// memx figures: an execution graph drawn as DOT, TikZ, plain text or an image, all from one
// render::Layout (see layout.hpp), so every format shows the same picture.
//
//   render::Layout l = render::layoutExecution(graph, {{"po", po, true}, {"rf", rf}}, {});
//   std::string dot = render::writeDot(l);                       // neato -n2 -Tpdf
//   std::string tex = render::writeTikz(l);                      // \input in a LaTeX paper
//   std::string txt = render::writeText(l, render::TextStyle::Unicode);   // for email
//   std::vector<std::uint8_t> png = render::writeImage(l, render::ImageFormat::Png);
//
// The writers never print; writeImage throws render::RenderError when Qt cannot produce the
// image. docs/figures.md says how to add a format.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/layout.hpp"

namespace memx::render {

class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Graphviz input with every position fixed by the layout: render it with `neato -n2`.
std::string writeDot(const Layout& layout);

// A tikzpicture using only core TikZ (no libraries), for \input in a LaTeX document.
std::string writeTikz(const Layout& layout);

// A text figure for email: threads in columns, program order drawn downwards, every other edge
// listed by relation, and a legend. At most 80 columns for up to 4 threads of ordinary labels
// (longer labels are shortened in the grid and given in full below it); never tabs or trailing
// spaces. Ascii is pure 7-bit; Unicode uses box-drawing characters and arrows.
enum class TextStyle { Ascii, Unicode };
std::string writeText(const Layout& layout, TextStyle style);

// SVG, PNG and PDF come from one QPainter drawing of the layout. No display is needed: without a
// QGuiApplication one is created on first use, on the offscreen platform unless QT_QPA_PLATFORM
// says otherwise. Call from the thread that owns (or will own) the QGuiApplication.
enum class ImageFormat { Svg, Png, Pdf };

struct ImageOptions {
    double pngScale = 2.0;  // PNG pixels per layout point
};

struct PixelSize {
    int width = 0;
    int height = 0;
};

// The PNG's size in pixels, or the SVG's/PDF's size in points.
PixelSize imageSize(const Layout& layout, ImageFormat format, const ImageOptions& options = {});

std::vector<std::uint8_t> writeImage(const Layout& layout, ImageFormat format,
                                     const ImageOptions& options = {});

}  // namespace memx::render
