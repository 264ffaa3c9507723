// Export of the graph on screen through render/figure.hpp's writers, the ones `memx graph`
// uses: SVG, PNG, PDF, DOT, TikZ, and text for email (ASCII or Unicode), to a file or to the
// clipboard (text formats as text, PNG as an image, SVG and PDF under their MIME types).
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

#include "render/layout.hpp"

class QClipboard;

namespace memx::gui {

enum class ExportFormat { Svg, Png, Pdf, Dot, Tikz, Text, UnicodeText };

struct ExportFormatInfo {
    ExportFormat format;
    QString name;       // "SVG", for menus
    QString extension;  // "svg"
    QString mimeType;   // for the clipboard
    bool binary;
};

const std::vector<ExportFormatInfo>& exportFormats();
const ExportFormatInfo& formatInfo(ExportFormat format);
// The format a file name's extension asks for (.svg .png .pdf .dot .tex .txt), if any.
std::optional<ExportFormat> formatForFile(const QString& path);

// The bytes of `layout` in `format`. Throws render::RenderError when Qt cannot draw the image.
QByteArray exportLayout(const render::Layout& layout, ExportFormat format);

// Writes the file; false with `error` set when it cannot.
bool saveLayout(const render::Layout& layout, ExportFormat format, const QString& path,
                QString* error);

void copyLayout(const render::Layout& layout, ExportFormat format, QClipboard& clipboard);

}  // namespace memx::gui
