// `memx graph` in every format and `memx explain`, run as a user runs them, against golden
// files in tests/explain/golden: the six classic tests of litmus/library/lkmm (the forbidden
// ones drawn with --explain, the others with --witness), a data race, two user-copy tests
// of litmus/library/usercopy (skipped while those files do not exist), and the two tests of
// litmus/library/loops in which threads wait forever (--blocked). SVG and PNG are also
// rendered and checked to be non-blank images of the size the figure declares.
// After a deliberate change, regenerate with
//   MEMX_PROMOTE=1 ctest --test-dir <build> -R Golden
// and review the diff before committing.
#include <gtest/gtest.h>

#include <unistd.h>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace memx::explain_test {
namespace {

namespace fs = std::filesystem;

struct Case {
    std::string name;       // golden file stem
    std::string file;       // litmus file
    std::string mode;       // memx graph option choosing the execution
    bool optional = false;  // user-copy tests: skipped while the test file does not exist
};

void PrintTo(const Case& c, std::ostream* os) {
    *os << c.name << " " << c.mode;
}

std::vector<Case> cases() {
    const std::string lib = std::string(MEMX_SOURCE_DIR) + "/litmus/library/";
    std::vector<Case> all{
        {"MP+wmb+rmb", lib + "lkmm/MP+wmb+rmb.litmus", "--explain"},
        {"SB+once", lib + "lkmm/SB+once.litmus", "--witness"},
        {"LB+ctrl+release", lib + "lkmm/LB+ctrl+release.litmus", "--explain"},
        {"IRIW+mbs", lib + "lkmm/IRIW+mbs.litmus", "--explain"},
        {"WRC+acquire+addr", lib + "lkmm/WRC+acquire+addr.litmus", "--witness"},
        {"RCU+sync+deferred-free", lib + "lkmm/RCU+sync+deferred-free.litmus", "--explain"},
        {"MP+plain+race", std::string(MEMX_SOURCE_DIR) + "/tests/explain/data/MP+plain+race.litmus",
         "--explain"},
    };
    // Two user-copy tests: a copy that may tear, and a double fetch (their raised flags drawn).
    for (const char* name : {"copy_from_user+external-writer", "double-fetch"}) {
        all.push_back({name, lib + "usercopy/" + name + ".litmus", "--explain", true});
    }
    // A thread that waits forever, and two that wait for each other.
    for (const char* name : {"wait-can-block", "wait-deadlock"}) {
        all.push_back({name, lib + "loops/" + name + ".litmus", "--blocked"});
    }
    return all;
}

const std::vector<std::string>& textFormats() {
    static const std::vector<std::string> f{"dot", "tikz", "txt", "utf8", "svg"};
    return f;
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool promoting() {
    const char* v = std::getenv("MEMX_PROMOTE");
    return v != nullptr && std::string(v) == "1";
}

fs::path scratch() {
    auto dir = fs::temp_directory_path() / ("memx-explain-golden-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

// Runs memx with `args`; stdout goes to `out`. Returns the exit status.
int memx(const std::string& args, const fs::path& out) {
    std::string cmd = std::string("\"") + MEMX_BINARY + "\" " + args + " > \"" + out.string() +
                      "\" 2> \"" + out.string() + ".err\"";
    int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string quoted(const std::string& s) {
    return "\"" + s + "\"";
}

void compareWithGolden(const Case& c, const std::string& extension, const std::string& actual) {
    fs::path golden =
        fs::path(MEMX_SOURCE_DIR) / "tests/explain/golden" / (c.name + "." + extension);
    if (promoting()) {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
        return;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; create it with MEMX_PROMOTE=1";
    EXPECT_EQ(readFile(golden), actual)
        << "output differs from " << golden << "; if the change is deliberate, rerun with "
        << "MEMX_PROMOTE=1 and review the diff";
}

void ensureGuiApplication() {
    if (QCoreApplication::instance() == nullptr) {
        static int argc = 1;
        static char name[] = "explain-tests";
        static char* argv[] = {name, nullptr};
        new QGuiApplication(argc, argv);  // lives until the process exits
    }
}

// Pixels that differ from the top-left (background) pixel.
int inkedPixels(const QImage& image) {
    const QRgb background = image.pixel(0, 0);
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            n += image.pixel(x, y) != background;
        }
    }
    return n;
}

class CliGolden : public testing::TestWithParam<Case> {};

// User-copy tests come from litmus/library/usercopy, written alongside this suite.
#define SKIP_IF_ABSENT(c)                                                     \
    if ((c).optional && !fs::exists((c).file)) {                              \
        GTEST_SKIP() << (c).file << " does not exist (yet): nothing to draw"; \
    }

TEST_P(CliGolden, GraphInEveryTextFormatMatchesItsGolden) {
    const Case& c = GetParam();
    SKIP_IF_ABSENT(c);
    auto dir = scratch();
    for (const auto& format : textFormats()) {
        SCOPED_TRACE(format);
        fs::path out = dir / (c.name + "." + format);
        ASSERT_EQ(memx("graph " + quoted(c.file) + " " + c.mode + " --format " + format, out), 0)
            << readFile(out.string() + ".err");
        compareWithGolden(c, format, readFile(out));
    }
    fs::remove_all(dir);
}

TEST_P(CliGolden, ExplainWordsMatchTheirGolden) {
    const Case& c = GetParam();
    SKIP_IF_ABSENT(c);
    auto dir = scratch();
    fs::path out = dir / (c.name + ".explain");
    // A test drawn --blocked is explained under the reading it is drawn with.
    const std::string reading = c.mode == "--blocked" ? "--loops await " : "";
    ASSERT_EQ(memx("explain " + reading + quoted(c.file), out), 0)
        << readFile(out.string() + ".err");
    compareWithGolden(c, "explain", readFile(out));
    fs::remove_all(dir);
}

TEST_P(CliGolden, SvgPngAndPdfAreNonBlankImagesOfTheDeclaredSize) {
    const Case& c = GetParam();
    SKIP_IF_ABSENT(c);
    auto dir = scratch();
    fs::path svg = dir / "f.svg", png = dir / "f.png", pdf = dir / "f.pdf", log = dir / "log";
    for (const auto& p : {svg, png, pdf}) {
        ASSERT_EQ(memx("graph " + quoted(c.file) + " " + c.mode + " -o " + quoted(p.string()), log),
                  0)
            << readFile(log.string() + ".err");
    }
    ensureGuiApplication();
    // The SVG's view box is the figure's size in points; rendered, it must show a figure.
    QSvgRenderer renderer(QString::fromStdString(svg.string()));
    ASSERT_TRUE(renderer.isValid());
    QSize size = renderer.viewBox().size();
    ASSERT_GT(size.width(), 100);
    ASSERT_GT(size.height(), 100);
    QImage drawn(size, QImage::Format_ARGB32);
    drawn.fill(Qt::white);
    {
        QPainter painter(&drawn);
        renderer.render(&painter);
    }
    EXPECT_GT(inkedPixels(drawn), 500);
    // The PNG is the same figure at 2 pixels per point.
    QImage image(QString::fromStdString(png.string()));
    ASSERT_FALSE(image.isNull());
    EXPECT_NEAR(image.width(), 2 * size.width(), 2);
    EXPECT_NEAR(image.height(), 2 * size.height(), 2);
    EXPECT_GT(inkedPixels(image), 2000);
    std::string pdfBytes = readFile(pdf);
    EXPECT_EQ(pdfBytes.rfind("%PDF-", 0), 0u);
    EXPECT_GT(pdfBytes.size(), 1000u);
    fs::remove_all(dir);
}

// The lines of `text` that break a mail-safe text figure: over 80 columns, a tab, a
// trailing space.
std::vector<std::string> unsafeLines(const std::string& text) {
    std::vector<std::string> bad;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.size() > 80 || line.find('\t') != std::string::npos ||
            (!line.empty() && line.back() == ' ')) {
            bad.push_back(line);
        }
    }
    return bad;
}

TEST(GraphBlocked, MarksTheWaitingThreadsInAMailSafeTextFigure) {
    const std::string lib = std::string(MEMX_SOURCE_DIR) + "/litmus/library/loops/";
    auto dir = scratch();
    fs::path out = dir / "blocked.txt";
    // --blocked reads loops as waits by itself; saying so changes nothing.
    ASSERT_EQ(memx("graph --blocked " + quoted(lib + "wait-deadlock.litmus"), out), 0)
        << readFile(out.string() + ".err");
    const std::string text = readFile(out);
    EXPECT_EQ(unsafeLines(text), std::vector<std::string>{}) << text;
    EXPECT_NE(text.find("P0 (waits forever at line 23)"), std::string::npos) << text;
    EXPECT_NE(text.find("P1 (waits forever at line 34)"), std::string::npos) << text;
    std::size_t marks = 0;
    for (std::size_t at = text.find("waits here"); at != std::string::npos;
         at = text.find("waits here", at + 1)) {
        ++marks;
    }
    EXPECT_EQ(marks, 2u) << "one last read per waiting thread\n" << text;
    fs::path again = dir / "again.txt";
    ASSERT_EQ(memx("graph --blocked --loops await " + quoted(lib + "wait-deadlock.litmus"), again),
              0);
    EXPECT_EQ(readFile(again), text);
    fs::remove_all(dir);
}

TEST(GraphBlocked, SaysWhyThereIsNothingToDraw) {
    const std::string lib = std::string(MEMX_SOURCE_DIR) + "/litmus/library/";
    auto dir = scratch();
    fs::path out = dir / "none.txt";
    auto err = [&] { return readFile(out.string() + ".err"); };
    // No loop at all.
    EXPECT_EQ(memx("graph --blocked " + quoted(lib + "lkmm/SB+once.litmus"), out), 1);
    EXPECT_NE(err().find("the test has no wait"), std::string::npos) << err();
    // A wait that always ends: P1 always sets the flag.
    EXPECT_EQ(memx("graph --blocked " + quoted(lib + "loops/spin-MP+once.litmus"), out), 1);
    EXPECT_NE(err().find("no thread waits forever"), std::string::npos) << err();
    // A loop that is not a wait (it writes), so herd7's reading stays: nothing to wait on.
    EXPECT_EQ(memx("graph --blocked " + quoted(lib + "loops/cmpxchg-retry-counter.litmus"), out),
              1);
    EXPECT_NE(err().find("the test has no wait"), std::string::npos) << err();
    // The search stopped by its time limit before it found the blocked execution.
    EXPECT_EQ(
        memx("graph --blocked --timeout 0.000001 " + quoted(lib + "loops/wait-can-block.litmus"),
             out),
        3);
    EXPECT_NE(err().find("the time limit stopped the search"), std::string::npos) << err();
    // herd7's reading has no waits to block.
    EXPECT_EQ(
        memx("graph --blocked --loops herd " + quoted(lib + "loops/wait-can-block.litmus"), out),
        2);
    EXPECT_NE(err().find("--blocked reads loops as waits"), std::string::npos) << err();
    // It names one execution: not with --witness, --all, --execution or --explain.
    EXPECT_EQ(memx("graph --blocked --witness " + quoted(lib + "loops/wait-can-block.litmus"), out),
              2);
    EXPECT_TRUE(readFile(out).empty());
    fs::remove_all(dir);
}

std::string caseName(const testing::TestParamInfo<Case>& info) {
    return std::regex_replace(info.param.name, std::regex("[^A-Za-z0-9]"), "_");
}

INSTANTIATE_TEST_SUITE_P(Tests, CliGolden, testing::ValuesIn(cases()), caseName);

}  // namespace
}  // namespace memx::explain_test
