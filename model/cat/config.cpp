// herd's `-conf` files: one `key value` per line, `#` comments; memx reads the model files and
// variants and ignores the display keys.
#include <fstream>
#include <set>
#include <sstream>

#include "model/cat/model.hpp"

namespace memx::cat {

std::optional<ModelConfig> loadConfig(const std::filesystem::path& cfgFile, DiagnosticSink& sink) {
    std::ifstream in(cfgFile);
    if (!in) {
        sink.error(cfgFile.string(), {},
                   "cannot read configuration file '" + cfgFile.string() + "'");
        return std::nullopt;
    }
    static const std::set<std::string> display = {
        "graph",          "squished",   "showevents",   "movelabel",  "fontsize",
        "xscale",         "yscale",     "arrowsize",    "showinitrf", "showfinalrf",
        "showinitwrites", "splines",    "pad",          "edgeattr",   "doshow",
        "unshow",         "showthin",   "showlegend",   "showkind",   "showpo",
        "labelinit",      "nodesep",    "ranksep",      "penwidth",   "scale",
        "dotmode",        "dotcom",     "showobserved", "mode",       "cond",
        "initwrites",     "condensed",  "symetric",     "showfr",     "showrf",
        "showcutoff",     "showevents", "oneinit",      "extrachars", "speedcheck",
        "through",        "skipchecks", "strictskip",   "show",       "showtoo",
        "evince",         "gv"};
    ModelConfig cfg;
    const auto folder = cfgFile.parent_path();
    std::string line;
    std::uint32_t lineNo = 0;
    bool ok = true;
    while (std::getline(in, line)) {
        ++lineNo;
        if (auto hash = line.find('#'); hash != std::string::npos)
            line.erase(hash);
        std::istringstream words(line);
        std::string key, value;
        if (!(words >> key))
            continue;
        words >> value;
        SourceRange at{{lineNo, 1}, {lineNo, static_cast<std::uint32_t>(key.size())}};
        if (key == "model" || key == "bell" || key == "macros") {
            if (value.empty()) {
                sink.error(cfgFile.string(), at, "'" + key + "' needs a file name");
                ok = false;
                continue;
            }
            auto& slot = key == "model" ? cfg.model : key == "bell" ? cfg.bell : cfg.macros;
            slot = folder / value;
        } else if (key == "variant") {
            std::string v = value;
            std::string more;
            while (words >> more)
                v += " " + more;
            // herd accepts comma-separated lists of variants.
            std::istringstream parts(v);
            std::string part;
            while (std::getline(parts, part, ','))
                if (!part.empty())
                    cfg.variants.push_back(part);
        } else if (!display.count(key)) {
            sink.error(cfgFile.string(), at, "unknown configuration key '" + key + "'");
            ok = false;
        }
    }
    if (!ok)
        return std::nullopt;
    return cfg;
}

}  // namespace memx::cat
