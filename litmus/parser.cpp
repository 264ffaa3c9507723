// The litmus file's outer structure, as herd splits it: a header line (`C name`, then an
// optional "doc string"), a preamble of comments and `key=value` lines, the init block,
// the threads (C code), then locations, filter and the final condition.
#include "litmus/parser.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include "litmus/checks.hpp"
#include "litmus/code_parser.hpp"
#include "litmus/cursor.hpp"
#include "litmus/lexer.hpp"
#include "litmus/state_parser.hpp"

namespace memx::litmus {

namespace {

using detail::Cursor;

// Picks the kernel's `Result: Never|Sometimes|Always [DATARACE] [DEADLOCK]` (and memx's
// TORN and LIVENESS) out of the first comment that has one.
class ResultFinder : public CommentSink {
public:
    void comment(std::string_view text) override {
        if (result) {
            return;
        }
        std::size_t at = text.find("Result:");
        if (at == std::string_view::npos) {
            return;
        }
        // The kernel's judgelitmus.sh accepts the words in any order, and a bare `DEADLOCK`
        // means "no execution at all", i.e. `Never 0 0`.
        std::istringstream words(std::string(text.substr(at + 7)));
        std::string word;
        ExpectedResult r;
        while (words >> word) {
            if (word == "Never" || word == "Sometimes" || word == "Always") {
                if (!r.observation.empty()) {
                    break;
                }
                r.observation = word;
            } else if (word == "DATARACE") {
                r.dataRace = true;
            } else if (word == "DEADLOCK") {
                r.deadlock = true;
            } else if (word == "TORN") {
                r.torn = true;
            } else if (word == "LIVENESS") {
                r.liveness = true;
            } else {
                break;
            }
        }
        if (r.observation.empty() && r.deadlock) {
            r.observation = "Never";
        }
        if (r.observation.empty()) {
            return;
        }
        result = r;
    }
    std::optional<ExpectedResult> result;
};

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

bool isTestNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '/' || c == '.' ||
           c == '-' || c == '+' || c == '[' || c == ']';
}

std::string_view takeWhile(Lexer& lx, bool (*pred)(char)) {
    std::size_t start = lx.offset();
    while (lx.offset() < lx.text().size() && pred(lx.peekChar())) {
        lx.advance();
    }
    return lx.text().substr(start, lx.offset() - start);
}

[[noreturn]] void failAt(Lexer& lx, std::string message) {
    SourcePos p = lx.position();
    throw detail::SyntaxError{{p, p}, std::move(message)};
}

// `C name`, an optional `(texname)`, and an optional "doc string" on this or the next line.
void parseHeader(Lexer& lx, Program& program) {
    takeWhile(lx, [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
    SourcePos archAt = lx.position();
    std::string_view arch = takeWhile(
        lx, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; });
    if (arch.empty()) {
        failAt(lx, "expected the test's header, such as 'C MP+pooncerelease+poacquireonce'");
    }
    if (arch != "C") {
        throw detail::SyntaxError{
            {archAt, archAt},
            "memx reads C litmus tests, but this test is for '" + std::string(arch) + "'"};
    }
    takeWhile(lx, isBlank);
    std::string_view name = takeWhile(lx, isTestNameChar);
    if (name.empty()) {
        failAt(lx, "expected the test's name after 'C'");
    }
    program.arch = std::string(arch);
    program.name = std::string(name);
    takeWhile(lx, isBlank);
    if (lx.peekChar() == '(' && lx.peekChar(1) != '*') {
        lx.advance();
        takeWhile(lx, [](char c) { return c != ')' && c != '\n'; });
        if (lx.peekChar() != ')') {
            failAt(lx, "expected ')' to close the test's alternative name");
        }
        lx.advance();
        takeWhile(lx, isBlank);
    }
    std::size_t beforeDoc = lx.offset();
    SourcePos beforeDocPos = lx.position();
    if (lx.peekChar() == '\n') {
        lx.advance();
        takeWhile(lx, isBlank);
    }
    if (lx.peekChar() == '"') {
        lx.advance();
        std::string_view doc = takeWhile(lx, [](char c) { return c != '"' && c != '\n'; });
        if (lx.peekChar() != '"') {
            failAt(lx, "unterminated doc string");
        }
        lx.advance();
        program.docString = std::string(doc);
    } else if (lx.offset() != beforeDoc) {
        // No doc string: step back so that the next line is read as usual.
        Token back;
        back.offset = beforeDoc;
        back.range = {beforeDocPos, beforeDocPos};
        lx.rewind(back);
    }
}

// Everything up to the `{` that opens the init block. Like herd, free text there (a second
// title line, `key = value` lines, prose) is skipped; comments are read for `Result:`.
void skipPreamble(Lexer& lx) {
    while (true) {
        Token t = lx.next(LexMode::Litmus);
        if (t.kind == TokenKind::End) {
            throw detail::SyntaxError{t.range,
                                      "expected '{' to open the initial state, "
                                      "found end of file"};
        }
        if (t.is("{")) {
            return;
        }
        if (t.kind == TokenKind::Error && t.unterminatedComment) {
            throw detail::SyntaxError{t.range, t.error};
        }
        // Anything else is skipped. The lexer has moved past the token (or past the odd
        // character or string that made it an error), so this loop is linear.
    }
}

Program parseProgram(Lexer& lx) {
    Program program;
    parseHeader(lx, program);
    skipPreamble(lx);
    Cursor c(lx, LexMode::Litmus);
    program.init = detail::parseInitEntries(c, program.structs);
    c.expect("}", "to close the initial state");
    while (true) {
        // Between threads the litmus comments `(* ... *)` are allowed; inside, C rules.
        c.setMode(LexMode::Litmus);
        if (!detail::atThreadStart(c)) {
            break;
        }
        c.setMode(LexMode::Code);
        program.threads.push_back(detail::parseThread(c));
    }
    if (program.threads.empty()) {
        c.failExpected(c.peek(), "a thread such as 'P0(int *x)'");
    }
    detail::parseConstraints(c, program);
    return program;
}

}  // namespace

std::optional<Program> parseLitmus(std::string_view text, const std::string& fileName,
                                   DiagnosticSink& sink) {
    ResultFinder results;
    Lexer lexer(text, &results);
    Program program;
    try {
        program = parseProgram(lexer);
    } catch (const detail::SyntaxError& e) {
        sink.error(fileName, e.range, e.message);
        return std::nullopt;
    }
    program.expected = results.result;
    if (!checkProgram(program, fileName, sink)) {
        return std::nullopt;
    }
    return program;
}

std::optional<Program> parseLitmusFile(const std::string& path, DiagnosticSink& sink,
                                       std::string* source) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        sink.error(path, {}, "cannot open file");
        return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    std::optional<Program> program = parseLitmus(text, path, sink);
    if (source) {
        *source = std::move(text);
    }
    return program;
}

}  // namespace memx::litmus
