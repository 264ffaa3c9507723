#include "cli/figure_output.hpp"

#include <fstream>
#include <iostream>

namespace memx::cli {

bool writeFigure(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    if (path.empty()) {
        std::cout.write(reinterpret_cast<const char*>(bytes.data()),
                        static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return true;
    }
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        std::cerr << path << ": error: cannot write the figure\n";
        return false;
    }
    return true;
}

std::string fileStem(const std::string& testName) {
    std::string s = testName.empty() ? "execution" : testName;
    for (char& c : s) {
        if (c == '/' || c == '\\' || c == ' ' || c == ':') {
            c = '_';
        }
    }
    return s;
}

}  // namespace memx::cli
