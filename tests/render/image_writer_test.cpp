// SVG, PNG and PDF from the one painter, with no display and no QGuiApplication made by the
// caller (this suite's main is gtest_main).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "classic_executions.hpp"
#include "render/figure.hpp"

namespace memx::render_test {
namespace {

render::Layout layoutOf(const ClassicExecution& c) {
    return render::layoutExecution(c.graph, c.relations, c.highlight, {c.name});
}

std::string asString(const std::vector<std::uint8_t>& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

bool hasPixelNear(const QImage& image, QColor want, int tolerance) {
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - want.red()) <= tolerance &&
                std::abs(c.green() - want.green()) <= tolerance &&
                std::abs(c.blue() - want.blue()) <= tolerance) {
                return true;
            }
        }
    }
    return false;
}

TEST(ImageWriter, PngHasTheLayoutsSizeAndShowsTheRelationsColours) {
    ClassicExecution mp = classicExecutions()[0];
    render::Layout l = layoutOf(mp);
    std::vector<std::uint8_t> png = render::writeImage(l, render::ImageFormat::Png);
    ASSERT_FALSE(png.empty());
    QImage image;
    ASSERT_TRUE(image.loadFromData(png.data(), int(png.size()), "PNG"));
    render::PixelSize size = render::imageSize(l, render::ImageFormat::Png);
    EXPECT_EQ(image.width(), size.width);
    EXPECT_EQ(image.height(), size.height);
    EXPECT_EQ(size.width, int(std::ceil(l.width * 2)));
    EXPECT_EQ(image.pixelColor(0, 0), QColor(Qt::white));
    EXPECT_TRUE(hasPixelNear(image, QColor(0xD5, 0x5E, 0x00), 8));  // rf arrowheads
    EXPECT_TRUE(hasPixelNear(image, QColor(0x00, 0x9E, 0x73), 8));  // fr arrowheads
    // The library made its own QGuiApplication, since the test did not.
    EXPECT_NE(qobject_cast<QGuiApplication*>(QCoreApplication::instance()), nullptr);
}

TEST(ImageWriter, AWaitsLastReadIsFilledAndTheThreadNamed) {
    ClassicExecution blocked = blockedWait();
    render::Layout l = layoutOf(blocked);
    const QColor waitingFill(0xE6, 0xDC, 0xF5);  // pale violet, as painter.cpp fills it
    auto png = render::writeImage(l, render::ImageFormat::Png);
    QImage image;
    ASSERT_TRUE(image.loadFromData(png.data(), int(png.size()), "PNG"));
    EXPECT_TRUE(hasPixelNear(image, waitingFill, 1));
    const std::string svg = asString(render::writeImage(l, render::ImageFormat::Svg));
    EXPECT_NE(svg.find("P0 (waits forever at line 22)"), std::string::npos);
    EXPECT_NE(svg.find("waits here"), std::string::npos);
    // Without the wait marked, no box has that fill.
    blocked.highlight.waiting.clear();
    auto plain = render::writeImage(layoutOf(blocked), render::ImageFormat::Png);
    ASSERT_TRUE(image.loadFromData(plain.data(), int(plain.size()), "PNG"));
    EXPECT_FALSE(hasPixelNear(image, waitingFill, 1));
}

TEST(ImageWriter, PngScaleChangesThePixelSize) {
    render::Layout l = layoutOf(classicExecutions()[1]);
    QImage image;
    auto png = render::writeImage(l, render::ImageFormat::Png, {1.0});
    ASSERT_TRUE(image.loadFromData(png.data(), int(png.size()), "PNG"));
    EXPECT_EQ(image.width(), int(std::ceil(l.width)));
    EXPECT_THROW(render::writeImage(l, render::ImageFormat::Png, {0.0}), render::RenderError);
}

TEST(ImageWriter, PdfIsOnePageOfTheLayoutsSize) {
    render::Layout l = layoutOf(classicExecutions()[3]);
    std::string pdf = asString(render::writeImage(l, render::ImageFormat::Pdf));
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
    EXPECT_NE(pdf.find("/Type /Page\n"), std::string::npos);
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
    render::PixelSize size = render::imageSize(l, render::ImageFormat::Pdf);
    char mediaBox[80];
    std::snprintf(mediaBox, sizeof mediaBox, "/MediaBox [0 0 %d.000000 %d.000000]", size.width,
                  size.height);
    EXPECT_NE(pdf.find(mediaBox), std::string::npos) << pdf.substr(0, 2000);
}

TEST(ImageWriter, SvgIsDeterministicAndSized) {
    render::Layout l = layoutOf(classicExecutions()[4]);
    std::string first = asString(render::writeImage(l, render::ImageFormat::Svg));
    std::string second = asString(render::writeImage(l, render::ImageFormat::Svg));
    EXPECT_EQ(first, second);
    render::PixelSize size = render::imageSize(l, render::ImageFormat::Svg);
    EXPECT_NE(first.find("viewBox=\"0 0 " + std::to_string(size.width) + " " +
                         std::to_string(size.height) + "\""),
              std::string::npos)
        << first.substr(0, 600);
    EXPECT_NE(first.find(">c: W[release] y=1<"), std::string::npos);
}

// Leaves one PNG per classic execution in the build tree, for a human to look at.
TEST(ImageWriter, WritesExamplePngsIntoTheBuildTree) {
    std::filesystem::path dir = std::filesystem::path(MEMX_BINARY_DIR) / "render-examples";
    std::filesystem::create_directories(dir);
    for (const ClassicExecution& c : classicExecutions()) {
        auto png = render::writeImage(layoutOf(c), render::ImageFormat::Png);
        std::ofstream(dir / (c.name + ".png"), std::ios::binary)
            .write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size()));
        EXPECT_GT(std::filesystem::file_size(dir / (c.name + ".png")), 1000u) << c.name;
    }
}

}  // namespace
}  // namespace memx::render_test
