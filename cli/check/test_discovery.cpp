#include "cli/check/test_discovery.hpp"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace memx::check {

namespace fs = std::filesystem;

namespace {

using Found = std::map<std::string, std::string>;  // path -> relative path

void addFolder(const fs::path& folder, Found& found, DiagnosticSink& sink) {
    std::error_code ec;
    auto options = fs::directory_options::follow_directory_symlink |
                   fs::directory_options::skip_permission_denied;
    for (fs::recursive_directory_iterator it(folder, options, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".litmus") {
            found.emplace(it->path().string(),
                          it->path().lexically_relative(folder).generic_string());
        }
    }
    if (ec) {
        sink.error(folder.string(), {}, "cannot list the folder: " + ec.message());
    }
}

void addExisting(const fs::path& path, Found& found, DiagnosticSink& sink) {
    if (fs::is_directory(path)) {
        addFolder(path, found, sink);
    } else {
        found.emplace(path.string(), path.filename().string());
    }
}

void addGlob(const std::string& pattern, Found& found, DiagnosticSink& sink) {
    glob_t matches{};
    int rc = glob(pattern.c_str(), 0, nullptr, &matches);
    if (rc == 0) {
        for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
            addExisting(matches.gl_pathv[i], found, sink);
        }
    } else {
        sink.error(pattern, {}, "the pattern matches no file");
    }
    globfree(&matches);
}

}  // namespace

bool isGlobPattern(const std::string& argument) {
    return argument.find_first_of("*?[") != std::string::npos;
}

std::vector<DiscoveredTest> discoverTests(const std::vector<std::string>& arguments,
                                          DiagnosticSink& sink) {
    Found found;
    for (const std::string& argument : arguments) {
        std::error_code ec;
        if (fs::exists(argument, ec)) {
            addExisting(argument, found, sink);
        } else if (isGlobPattern(argument)) {
            addGlob(argument, found, sink);
        } else {
            sink.error(argument, {}, "no such file or folder");
        }
    }
    std::vector<DiscoveredTest> tests;
    tests.reserve(found.size());
    for (auto& [path, relative] : found) {
        tests.push_back({path, relative});
    }
    return tests;
}

}  // namespace memx::check
