#include "gui/figure_export.hpp"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>

#include "render/figure.hpp"

namespace memx::gui {

const std::vector<ExportFormatInfo>& exportFormats() {
    static const std::vector<ExportFormatInfo> formats = {
        {ExportFormat::Svg, QStringLiteral("SVG"), QStringLiteral("svg"),
         QStringLiteral("image/svg+xml"), false},
        {ExportFormat::Png, QStringLiteral("PNG"), QStringLiteral("png"),
         QStringLiteral("image/png"), true},
        {ExportFormat::Pdf, QStringLiteral("PDF"), QStringLiteral("pdf"),
         QStringLiteral("application/pdf"), true},
        {ExportFormat::Dot, QStringLiteral("DOT"), QStringLiteral("dot"),
         QStringLiteral("text/vnd.graphviz"), false},
        {ExportFormat::Tikz, QStringLiteral("TikZ"), QStringLiteral("tex"),
         QStringLiteral("text/x-tex"), false},
        {ExportFormat::Text, QStringLiteral("Text (ASCII, for email)"), QStringLiteral("txt"),
         QStringLiteral("text/plain"), false},
        {ExportFormat::UnicodeText, QStringLiteral("Text (Unicode)"), QStringLiteral("txt"),
         QStringLiteral("text/plain"), false},
    };
    return formats;
}

const ExportFormatInfo& formatInfo(ExportFormat format) {
    for (const auto& f : exportFormats()) {
        if (f.format == format) {
            return f;
        }
    }
    return exportFormats().front();
}

std::optional<ExportFormat> formatForFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const auto& f : exportFormats()) {
        if (f.extension == suffix) {
            return f.format;  // .txt: the first text format, ASCII
        }
    }
    return std::nullopt;
}

QByteArray exportLayout(const render::Layout& layout, ExportFormat format) {
    auto fromString = [](const std::string& s) {
        return QByteArray(s.data(), qsizetype(s.size()));
    };
    auto fromBytes = [](const std::vector<std::uint8_t>& b) {
        return QByteArray(reinterpret_cast<const char*>(b.data()), qsizetype(b.size()));
    };
    switch (format) {
        case ExportFormat::Svg:
            return fromBytes(render::writeImage(layout, render::ImageFormat::Svg));
        case ExportFormat::Png:
            return fromBytes(render::writeImage(layout, render::ImageFormat::Png));
        case ExportFormat::Pdf:
            return fromBytes(render::writeImage(layout, render::ImageFormat::Pdf));
        case ExportFormat::Dot:
            return fromString(render::writeDot(layout));
        case ExportFormat::Tikz:
            return fromString(render::writeTikz(layout));
        case ExportFormat::Text:
            return fromString(render::writeText(layout, render::TextStyle::Ascii));
        case ExportFormat::UnicodeText:
            return fromString(render::writeText(layout, render::TextStyle::Unicode));
    }
    return {};
}

bool saveLayout(const render::Layout& layout, ExportFormat format, const QString& path,
                QString* error) {
    QByteArray bytes;
    try {
        bytes = exportLayout(layout, format);
    } catch (const render::RenderError& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void copyLayout(const render::Layout& layout, ExportFormat format, QClipboard& clipboard) {
    const QByteArray bytes = exportLayout(layout, format);
    const ExportFormatInfo& info = formatInfo(format);
    if (format == ExportFormat::Png) {
        clipboard.setImage(QImage::fromData(bytes, "PNG"));
        return;
    }
    auto* data = new QMimeData;
    if (!info.binary) {
        data->setText(QString::fromUtf8(bytes));
    }
    data->setData(info.mimeType, bytes);
    clipboard.setMimeData(data);
}

}  // namespace memx::gui
