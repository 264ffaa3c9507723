#include "cli/check/expectation_table.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace memx::check {

namespace fs = std::filesystem;

namespace {

std::string pathKey(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    fs::path canonical = fs::weakly_canonical(ec ? path : absolute, ec);
    return (ec ? absolute : canonical).lexically_normal().string();
}

std::optional<std::size_t> columnOf(const std::vector<std::string>& header,
                                    const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - header.begin());
}

std::string fieldAt(const std::vector<std::string>& fields, std::size_t column) {
    return column < fields.size() ? fields[column] : std::string{};
}

SourceRange lineRange(std::size_t line) {
    SourcePos pos{static_cast<std::uint32_t>(line), 1};
    return {pos, pos};
}

}  // namespace

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

std::optional<ExpectationTable> ExpectationTable::read(const fs::path& csvPath,
                                                       DiagnosticSink& sink) {
    std::ifstream in(csvPath, std::ios::binary);
    if (!in) {
        sink.error(csvPath.string(), {}, "cannot read the expectations file");
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), csvPath, sink);
}

std::optional<ExpectationTable> ExpectationTable::parse(const std::string& text,
                                                        const fs::path& csvPath,
                                                        DiagnosticSink& sink) {
    const std::string file = csvPath.string();
    std::istringstream lines(text);
    std::string line;
    if (!std::getline(lines, line)) {
        sink.error(file, lineRange(1), "the expectations file is empty");
        return std::nullopt;
    }
    std::vector<std::string> header = splitCsvLine(line);
    auto testColumn = columnOf(header, "test");
    auto observationColumn = columnOf(header, "observation");
    auto raceColumn = columnOf(header, "data_race");
    auto tornColumn = columnOf(header, "torn");  // optional: expects the torn-read flag
    if (!testColumn || !observationColumn) {
        sink.error(file, lineRange(1), "the header must name the columns test and observation");
        return std::nullopt;
    }
    ExpectationTable table;
    const fs::path folder = csvPath.parent_path();
    std::size_t lineNumber = 1;
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (line.empty() || line == "\r") {
            continue;
        }
        std::vector<std::string> fields = splitCsvLine(line);
        std::string test = fieldAt(fields, *testColumn);
        std::string observation = fieldAt(fields, *observationColumn);
        if (test.empty() || observation.empty()) {
            continue;
        }
        if (observation != "Never" && observation != "Sometimes" && observation != "Always") {
            sink.error(file, lineRange(lineNumber),
                       "observation must be Never, Sometimes or Always, not '" + observation + "'");
            return std::nullopt;
        }
        std::string race = raceColumn ? fieldAt(fields, *raceColumn) : std::string{};
        if (!race.empty() && race != "0" && race != "1") {
            sink.error(file, lineRange(lineNumber), "data_race must be 0, 1 or empty");
            return std::nullopt;
        }
        std::string torn = tornColumn ? fieldAt(fields, *tornColumn) : std::string{};
        if (!torn.empty() && torn != "0" && torn != "1") {
            sink.error(file, lineRange(lineNumber), "torn must be 0, 1 or empty");
            return std::nullopt;
        }
        Expectation e;
        e.observation = observation;
        e.dataRace = race == "1";
        e.torn = torn == "1";
        table.byPath_[pathKey(folder / test)] = e;
    }
    return table;
}

std::optional<Expectation> ExpectationTable::find(const fs::path& testFile) const {
    auto it = byPath_.find(pathKey(testFile));
    if (it == byPath_.end()) {
        return std::nullopt;
    }
    return it->second;
}

}  // namespace memx::check
