// SVG, PNG and PDF through the one painter. Qt needs a QGuiApplication for fonts even off
// screen; a library cannot assume its caller made one, so the first image creates it on the
// offscreen platform (unless the environment names another) and keeps it for the process.
#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <cmath>
#include <cstdlib>

#include "render/figure.hpp"
#include "render/painter.hpp"

namespace memx::render {

namespace {

void ensureGuiApplication() {
    if (QCoreApplication::instance() != nullptr) {
        if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr) {
            throw RenderError(
                "figures need a QGuiApplication, but the program made a "
                "QCoreApplication");
        }
        return;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Qt reports environment trivia while starting (XDG_RUNTIME_DIR unset, ...); a library must
    // not print, so those messages are dropped until the application exists.
    QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    static int argc = 1;
    static char name[] = "memx";
    static char* argv[] = {name, nullptr};
    // Never destroyed: Qt's own globals may outlive any owner we could give it.
    static QGuiApplication* app = new QGuiApplication(argc, argv);
    (void)app;
    qInstallMessageHandler(previous);
}

std::vector<std::uint8_t> bytesOf(const QByteArray& data) {
    return std::vector<std::uint8_t>(data.begin(), data.end());
}

void paintOn(QPaintDevice& device, const Layout& layout, double scale) {
    QPainter painter;
    if (!painter.begin(&device)) {
        throw RenderError("cannot paint the figure on the image device");
    }
    painter.scale(scale, scale);
    paintLayout(painter, layout);
    painter.end();
}

}  // namespace

PixelSize imageSize(const Layout& layout, ImageFormat format, const ImageOptions& options) {
    double scale = format == ImageFormat::Png ? options.pngScale : 1.0;
    return {int(std::ceil(layout.width * scale)), int(std::ceil(layout.height * scale))};
}

std::vector<std::uint8_t> writeImage(const Layout& layout, ImageFormat format,
                                     const ImageOptions& options) {
    if (!(options.pngScale > 0 && options.pngScale <= 16)) {
        throw RenderError("PNG scale must be in (0, 16]");
    }
    ensureGuiApplication();
    PixelSize size = imageSize(layout, format, options);
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    QString title = QString::fromStdString(layout.title);
    switch (format) {
        case ImageFormat::Svg: {
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(QSize(size.width, size.height));
            svg.setViewBox(QRectF(0, 0, size.width, size.height));
            svg.setTitle(title);
            svg.setDescription(QStringLiteral("memx execution graph"));
            paintOn(svg, layout, 1.0);
            break;
        }
        case ImageFormat::Png: {
            QImage image(size.width, size.height, QImage::Format_ARGB32);
            image.fill(Qt::white);
            paintOn(image, layout, options.pngScale);
            if (!image.save(&buffer, "PNG")) {
                throw RenderError("Qt could not encode the PNG");
            }
            break;
        }
        case ImageFormat::Pdf: {
            QPdfWriter pdf(&buffer);
            pdf.setResolution(72);  // one device unit per point, the layout's unit
            pdf.setPageSize(QPageSize(QSizeF(size.width, size.height), QPageSize::Point, QString(),
                                      QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setTitle(title);
            pdf.setCreator(QStringLiteral("memx"));
            paintOn(pdf, layout, 1.0);
            break;
        }
    }
    buffer.close();
    return bytesOf(data);
}

}  // namespace memx::render
