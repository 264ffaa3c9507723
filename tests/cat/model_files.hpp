// Test helper: writes cat text to a fresh temporary folder and loads it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/cat/model.hpp"

namespace memx::cat::testing {

class TempFolder {
public:
    TempFolder() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = std::filesystem::temp_directory_path() /
                ("memx-cat-" + std::string(info->test_suite_name()) + "-" + info->name());
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() { std::filesystem::remove_all(path_); }

    std::filesystem::path write(const std::string& name, const std::string& text) const {
        auto p = path_ / name;
        std::ofstream(p) << text;
        return p;
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::string firstMessage(const DiagnosticSink& sink) {
    if (sink.diagnostics().empty())
        return "(no diagnostic)";
    const auto& d = sink.diagnostics().front();
    return std::filesystem::path(d.file).filename().string() + ":" +
           std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) + ": " +
           d.message;
}

}  // namespace memx::cat::testing
