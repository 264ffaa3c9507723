// Model images (model/cat/model_image.hpp): an image reads back as the same model, evaluates
// every execution as the text does, and is refused (so that the text is loaded) when a model
// file changed, when the variants differ, or when its bytes are damaged in any way.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "model/cat/compiled_model.hpp"
#include "model/cat/model_image.hpp"
#include "tests/models/model_runner.hpp"
#include "tests/models/random_lkmm_graph.hpp"

namespace memx::models_test {
namespace {

namespace fs = std::filesystem;

std::string imageOf(const cat::Model& model, const fs::path& dir) {
    std::string why;
    auto image = cat::writeModelImage(model, dir, why);
    EXPECT_TRUE(image) << why;
    return image.value_or("");
}

std::shared_ptr<const cat::Model> textModel(const std::string& file) {
    std::string errors;
    auto model = loadBuiltin(file, errors);
    EXPECT_TRUE(model) << errors;
    return model;
}

// What a verdict says, in a form two models' verdicts can be compared by.
std::string describe(const cat::ExecutionVerdict& v) {
    std::string s = v.allowed ? "allowed" : "forbidden";
    for (const auto& c : v.checks) {
        s += " " + c.name + (c.holds ? "+" : "-");
    }
    for (const auto& f : v.flags) {
        s += " flag:" + f;
    }
    return s;
}

class ModelImage : public ::testing::TestWithParam<std::string> {};

TEST_P(ModelImage, ReadsBackAsTheSameModel) {
    auto text = textModel(GetParam());
    ASSERT_TRUE(text);
    const std::string image = imageOf(*text, builtinModelDir());
    auto read = cat::readModelImage(image, builtinModelDir(), {});
    ASSERT_TRUE(read);
    EXPECT_EQ(read->files, text->files);
    EXPECT_EQ(read->title, text->title);
    EXPECT_EQ(read->statements.size(), text->statements.size());
    EXPECT_EQ(read->globalCount, text->globalCount);
    // Every field is written, so the same model writes the same bytes.
    EXPECT_EQ(imageOf(*read, builtinModelDir()), image);
}

TEST_P(ModelImage, EvaluatesEveryExecutionAsTheText) {
    auto text = textModel(GetParam());
    ASSERT_TRUE(text);
    auto read = cat::readModelImage(imageOf(*text, builtinModelDir()), builtinModelDir(), {});
    ASSERT_TRUE(read);
    Rng rng(7);
    for (int i = 0; i < 200; ++i) {
        const model::ExecutionGraph graph = randomLkmmGraph(rng);
        std::vector<std::string> fromText, fromImage;
        for (const auto& v : runModel(*text, graph)) {
            fromText.push_back(describe(v));
        }
        for (const auto& v : runModel(*read, graph)) {
            fromImage.push_back(describe(v));
        }
        ASSERT_EQ(fromImage, fromText) << "graph " << i << ":\n" << describeGraph(graph);
    }
}

// The build saved an image of each built-in model beside the copies runs read, and it is fresh:
// `memx run` loads it instead of the text (solver/test_pipeline.cpp).
TEST_P(ModelImage, TheBuildSavedAFreshImage) {
    const fs::path built = fs::path(MEMX_BINARY_DIR) / "share" / "memx" / "models" / GetParam();
    auto image = cat::loadModelImage(built, {});
    ASSERT_TRUE(image) << cat::modelImagePath(built);
    auto text = textModel(GetParam());
    ASSERT_TRUE(text);
    EXPECT_EQ(image->statements.size(), text->statements.size());
}

INSTANTIATE_TEST_SUITE_P(BuiltinModels, ModelImage,
                         ::testing::Values("lkmm.cat", "rc11.cat", "sc.cat"), [](const auto& info) {
                             return info.param.substr(0, info.param.find('.'));
                         });

// A copy of the built-in model files in a fresh folder, with lkmm's image saved beside them.
class ModelImageFiles : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("memx-model-image-" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        for (const auto& entry : fs::directory_iterator(builtinModelDir())) {
            fs::copy_file(entry.path(), dir_ / entry.path().filename());
        }
        DiagnosticSink sink;
        auto model = cat::loadModel(dir_ / "lkmm.cat", std::nullopt, {}, sink);
        ASSERT_TRUE(model);
        std::ofstream(cat::modelImagePath(dir_ / "lkmm.cat"), std::ios::binary)
            << imageOf(*model, dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
};

TEST_F(ModelImageFiles, LoadsBesideItsModel) {
    auto model = cat::loadModelImage(dir_ / "lkmm.cat", {});
    ASSERT_TRUE(model);
    // Its files are named in the folder it was read from, as a load of the text names them.
    for (const std::string& file : model->files) {
        if (file != "memx-stdlib.cat") {
            EXPECT_EQ(fs::path(file).parent_path(), dir_) << file;
        }
    }
}

TEST_F(ModelImageFiles, IsStaleOnceAModelFileChanges) {
    ASSERT_TRUE(cat::loadModelImage(dir_ / "lkmm.cat", {}));
    // An included file, not the .cat named: every file the model was read from counts.
    std::ofstream(dir_ / "lkmm-races.cat", std::ios::app) << "\n(* edited *)\n";
    EXPECT_FALSE(cat::loadModelImage(dir_ / "lkmm.cat", {}));
}

TEST_F(ModelImageFiles, IsRefusedForOtherVariants) {
    cat::LoadOptions options;
    options.variants = {"lkmmv2"};
    EXPECT_FALSE(cat::loadModelImage(dir_ / "lkmm.cat", options));
}

TEST_F(ModelImageFiles, AbsentImageIsNoModel) {
    fs::remove(cat::modelImagePath(dir_ / "lkmm.cat"));
    EXPECT_FALSE(cat::loadModelImage(dir_ / "lkmm.cat", {}));
}

TEST(ModelImageBytes, DamagedImagesAreRefused) {
    auto text = textModel("lkmm.cat");
    ASSERT_TRUE(text);
    const std::string image = imageOf(*text, builtinModelDir());
    for (std::size_t n = 0; n < image.size(); n += 97) {
        EXPECT_FALSE(cat::readModelImage(image.substr(0, n), builtinModelDir(), {})) << n;
    }
    std::string flipped = image;
    flipped[image.size() / 2] ^= 0x10;
    EXPECT_FALSE(cat::readModelImage(flipped, builtinModelDir(), {}));
}

// Past the checksum (damage it happens to miss, or bytes written by a broken writer), the
// reader's own checks stand: no mutation may crash it, read out of bounds (the sanitizer
// build runs this) or allocate without bound.
TEST(ModelImageBytes, TheReaderSurvivesDamageTheChecksumMisses) {
    auto text = textModel("lkmm.cat");
    ASSERT_TRUE(text);
    const std::string image = imageOf(*text, builtinModelDir());
    const std::size_t bodyAt = image.find('\n') + 1 + 8;
    std::mt19937_64 rng(11);
    int refused = 0;
    for (int i = 0; i < 400; ++i) {
        std::string damaged = image;
        for (int k = 0; k < 1 + i % 4; ++k) {
            const std::size_t at = bodyAt + rng() % (damaged.size() - bodyAt);
            damaged[at] = static_cast<char>(rng());
        }
        if (i % 5 == 0) {
            damaged.resize(bodyAt + rng() % (damaged.size() - bodyAt));
        }
        const std::uint64_t sum = cat::modelImageChecksum(std::string_view(damaged).substr(bodyAt));
        for (int b = 0; b < 8; ++b) {
            damaged[bodyAt - 8 + b] = static_cast<char>(sum >> (8 * b));
        }
        refused += cat::readModelImage(damaged, builtinModelDir(), {}) ? 0 : 1;
    }
    EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace memx::models_test
