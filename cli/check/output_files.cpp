#include "cli/check/output_files.hpp"

#include <fstream>

namespace memx::check {

namespace fs = std::filesystem;

bool writeTextFile(const fs::path& file, const std::string& text, std::string& error) {
    std::error_code ec;
    if (file.has_parent_path()) {
        fs::create_directories(file.parent_path(), ec);
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        error = "cannot write " + file.string();
        return false;
    }
    return true;
}

bool writeHerdOut(const fs::path& dir, const TestResult& result, std::string& error) {
    fs::path relative = fs::path(result.relativePath).lexically_normal();
    if (relative.is_absolute() || (!relative.empty() && *relative.begin() == "..")) {
        relative = relative.filename();
    }
    std::string text = result.herdBlock;
    if (text.empty()) {
        text = result.message + "\n";
    }
    return writeTextFile(dir / (relative.string() + ".out"), text, error);
}

}  // namespace memx::check
