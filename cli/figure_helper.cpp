#include "cli/figure_helper.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>

namespace memx::cli {

namespace {

bool isImageFormat(std::string_view format) {
    return format == "svg" || format == "png" || format == "pdf";
}

bool hasImageExtension(std::string_view file) {
    auto dot = file.rfind('.');
    return dot != std::string_view::npos && isImageFormat(file.substr(dot + 1));
}

// The value of `--name VALUE` or `--name=VALUE` at argv[i], if argv[i] is that option.
const char* optionValue(int argc, char** argv, int& i, std::string_view name) {
    std::string_view arg = argv[i];
    if (arg == name) {
        return i + 1 < argc ? argv[++i] : nullptr;
    }
    if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=') {
        return argv[i] + name.size() + 1;
    }
    return nullptr;
}

}  // namespace

bool asksForImages(int argc, char** argv) {
    if (argc < 2) {
        return false;
    }
    std::string_view verb = argv[1];
    if (verb != "graph" && verb != "explain") {
        return false;
    }
    for (int i = 2; i < argc; ++i) {
        if (const char* format = optionValue(argc, argv, i, "--format")) {
            if (isImageFormat(format)) {
                return true;
            }
        } else if (const char* file = optionValue(argc, argv, i, "-o")) {
            if (hasImageExtension(file)) {
                return true;
            }
        } else if (const char* figure = optionValue(argc, argv, i, "--figure")) {
            if (hasImageExtension(figure)) {
                return true;
            }
        }
    }
    return false;
}

int handOverToFigureHelper(char** argv) {
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    auto helper = self.parent_path().parent_path() / "libexec" / "memx" / "memx-figures";
    if (!ec) {
        execv(helper.c_str(), argv);
    }
    std::cerr << "memx: SVG, PNG and PDF are drawn by " << helper.string()
              << ", which could not be started: " << std::strerror(errno) << "\n";
    return 2;
}

}  // namespace memx::cli
