// Model images (model_image.hpp): a flat little-endian encoding of the resolved Model.
//
// Layout: magic, the checksum of everything after it, the source files (name relative to the
// models folder, hash of the text), the variants the model was loaded with, then the Model's
// fields in declaration order. The reader checks every length against the bytes left and
// every enum against its range, and limits nesting, so damaged bytes never reach the
// evaluator: the checksum refuses them first, the checks refuse what the checksum misses.
#include "model/cat/model_image.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <system_error>

#include "model/cat/compiled_model.hpp"
#include "model/cat/stdlib_text.hpp"

namespace memx::cat {

namespace fs = std::filesystem;

namespace {

// Bump whenever the Model, its AST or this encoding changes shape.
constexpr std::string_view kMagic = "memx-cat-image-3\n";
// Deeper than any model's expressions (lkmm nests under 40); bounds the reader's recursion.
constexpr std::uint32_t kMaxDepth = 2000;

// A 64-bit hash of `bytes`, eight at a time (a byte-at-a-time FNV took a fifth of a load).
// Images are read by the build that wrote them, so it need only be stable within one build.
std::uint64_t contentHash(std::string_view bytes) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, 8);
        h = (h ^ word) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
    }
    for (; i < bytes.size(); ++i) {
        h = (h ^ static_cast<unsigned char>(bytes[i])) * 0xC4CEB9FE1A85EC53ull;
    }
    return h ^ (h >> 32);
}

std::optional<std::string> readWholeFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary | std::ios::ate);
    if (!in) {
        return std::nullopt;
    }
    const std::streamoff size = in.tellg();
    if (size < 0) {
        return std::nullopt;  // a folder opens, but has no size
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        return std::nullopt;
    }
    return bytes;
}

class Writer {
public:
    std::string out;

    void u8(std::uint8_t v) { out.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) {
            u8(static_cast<std::uint8_t>(v >> (8 * i)));
        }
    }
    void u64(std::uint64_t v) {
        u32(static_cast<std::uint32_t>(v));
        u32(static_cast<std::uint32_t>(v >> 32));
    }
    void count(std::size_t n) { u32(static_cast<std::uint32_t>(n)); }
    void str(const std::string& s) {
        count(s.size());
        out += s;
    }
    void strings(const std::vector<std::string>& v) {
        count(v.size());
        for (const auto& s : v) {
            str(s);
        }
    }
    void loc(const NodeLoc& l) {
        u32(l.file);
        u32(l.range.begin.line);
        u32(l.range.begin.column);
        u32(l.range.end.line);
        u32(l.range.end.column);
    }
    void ref(const VarRef& r) {
        u8(static_cast<std::uint8_t>(r.kind));
        u32(r.depth);
        u32(r.index);
    }
    void pattern(const Pattern& p) {
        count(p.names.size());
        for (const auto& n : p.names) {
            u8(n ? 1 : 0);
            if (n) {
                str(*n);
            }
        }
        u8(p.isTuple ? 1 : 0);
    }
    void binding(const Binding& b) {
        loc(b.loc);
        pattern(b.pattern);
        expr(b.value);
        count(b.slots.size());
        for (const auto& s : b.slots) {
            ref(s);
        }
    }
    void expr(const ExprPtr& e) {
        u8(e ? 1 : 0);
        if (!e) {
            return;
        }
        u8(static_cast<std::uint8_t>(e->kind));
        loc(e->loc);
        str(e->name);
        count(e->args.size());
        for (const auto& a : e->args) {
            expr(a);
        }
        count(e->bindings.size());
        for (const auto& b : e->bindings) {
            binding(b);
        }
        pattern(e->pattern);
        strings(e->tags);
        u8(e->hasDefault ? 1 : 0);
        ref(e->ref);
        u32(e->frameSize);
    }
    void stmts(const StmtList& list) {
        count(list.size());
        for (const auto& s : list) {
            stmt(s);
        }
    }
    void optionalStmts(const std::shared_ptr<StmtList>& list) {
        u8(list ? 1 : 0);
        if (list) {
            stmts(*list);
        }
    }
    void stmt(const Stmt& s) {
        u8(static_cast<std::uint8_t>(s.kind));
        loc(s.loc);
        count(s.bindings.size());
        for (const auto& b : s.bindings) {
            binding(b);
        }
        u8(static_cast<std::uint8_t>(s.test));
        u8(static_cast<std::uint8_t>(s.mode));
        u8(s.negated ? 1 : 0);
        str(s.text);
        u8(s.asName ? 1 : 0);
        if (s.asName) {
            str(*s.asName);
        }
        expr(s.expr);
        strings(s.names);
        str(s.name);
        pattern(s.pattern);
        optionalStmts(s.body);
        optionalStmts(s.elseBody);
        ref(s.ref);
        u32(s.frameSize);
    }
    void namedLists(const std::map<std::string, std::vector<std::string>>& m) {
        count(m.size());
        for (const auto& [k, v] : m) {
            str(k);
            strings(v);
        }
    }
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}

    bool ok() const { return ok_; }
    bool atEnd() const { return pos_ == in_.size(); }

    std::uint8_t u8() {
        if (!need(1)) {
            return 0;
        }
        return static_cast<std::uint8_t>(in_[pos_++]);
    }
    std::uint32_t u32() {
        if (!need(4)) {
            return 0;
        }
        unsigned char b[4];
        std::memcpy(b, in_.data() + pos_, 4);
        pos_ += 4;
        return static_cast<std::uint32_t>(b[0]) | static_cast<std::uint32_t>(b[1]) << 8 |
               static_cast<std::uint32_t>(b[2]) << 16 | static_cast<std::uint32_t>(b[3]) << 24;
    }
    std::uint64_t u64() {
        std::uint64_t lo = u32();
        return lo | (static_cast<std::uint64_t>(u32()) << 32);
    }
    bool flag() {
        std::uint8_t v = u8();
        if (v > 1) {
            ok_ = false;
        }
        return v == 1;
    }
    template <class Enum>
    Enum enumerator(Enum last) {
        std::uint8_t v = u8();
        if (v > static_cast<std::uint8_t>(last)) {
            ok_ = false;
            return Enum{};
        }
        return static_cast<Enum>(v);
    }
    // A count of elements that each take at least one byte: never more than the bytes left,
    // so damaged counts cannot ask for huge allocations.
    std::size_t count() {
        std::uint32_t n = u32();
        if (n > in_.size() - pos_) {
            ok_ = false;
            return 0;
        }
        return n;
    }
    // `count()` elements, each read by `one`, stopping at the first damaged one. The vector
    // grows as elements are read, never by a damaged count, so a nest of damaged counts
    // cannot allocate more than the bytes it reads.
    template <class T, class ReadOne>
    std::vector<T> list(ReadOne one) {
        std::vector<T> v;
        for (std::size_t n = count(); n > 0 && ok_; --n) {
            v.push_back(one());
        }
        return v;
    }
    std::string str() {
        std::size_t n = count();
        if (!need(n)) {
            return {};
        }
        std::string s(in_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    std::vector<std::string> strings() {
        return list<std::string>([&] { return str(); });
    }
    NodeLoc loc() {
        NodeLoc l;
        l.file = u32();
        l.range.begin.line = u32();
        l.range.begin.column = u32();
        l.range.end.line = u32();
        l.range.end.column = u32();
        return l;
    }
    VarRef ref() {
        VarRef r;
        r.kind = enumerator(VarRef::Kind::Local);
        r.depth = u32();
        r.index = u32();
        return r;
    }
    Pattern pattern() {
        Pattern p;
        p.names = list<std::optional<std::string>>([&]() -> std::optional<std::string> {
            if (flag()) {
                return str();
            }
            return std::nullopt;
        });
        p.isTuple = flag();
        return p;
    }
    Binding binding(std::uint32_t depth) {
        Binding b;
        b.loc = loc();
        b.pattern = pattern();
        b.value = expr(depth + 1);
        b.slots = list<VarRef>([&] { return ref(); });
        return b;
    }
    ExprPtr expr(std::uint32_t depth) {
        if (!flag() || !deepEnough(depth)) {
            return nullptr;
        }
        auto e = std::make_shared<Expr>();
        e->kind = enumerator(ExprKind::MatchTag);
        e->loc = loc();
        e->name = str();
        e->args = list<ExprPtr>([&] { return expr(depth + 1); });
        e->bindings = list<Binding>([&] { return binding(depth); });
        e->pattern = pattern();
        e->tags = strings();
        e->hasDefault = flag();
        e->ref = ref();
        e->frameSize = u32();
        return e;
    }
    StmtList stmts(std::uint32_t depth) {
        if (!deepEnough(depth)) {
            return {};
        }
        return list<Stmt>([&] { return stmt(depth); });
    }
    std::shared_ptr<StmtList> optionalStmts(std::uint32_t depth) {
        if (!flag()) {
            return nullptr;
        }
        return std::make_shared<StmtList>(stmts(depth + 1));
    }
    Stmt stmt(std::uint32_t depth) {
        Stmt s;
        s.kind = enumerator(StmtKind::IfVariant);
        s.loc = loc();
        s.bindings = list<Binding>([&] { return binding(depth); });
        s.test = enumerator(TestKind::Empty);
        s.mode = enumerator(TestMode::UndefinedUnless);
        s.negated = flag();
        s.text = str();
        if (flag()) {
            s.asName = str();
        }
        s.expr = expr(depth + 1);
        s.names = strings();
        s.name = str();
        s.pattern = pattern();
        s.body = optionalStmts(depth);
        s.elseBody = optionalStmts(depth);
        s.ref = ref();
        s.frameSize = u32();
        return s;
    }
    std::map<std::string, std::vector<std::string>> namedLists() {
        std::map<std::string, std::vector<std::string>> m;
        for (std::size_t i = count(); i > 0 && ok_; --i) {
            std::string k = str();
            m[k] = strings();
        }
        return m;
    }

private:
    bool need(std::size_t n) {
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            return false;
        }
        return true;
    }
    bool deepEnough(std::uint32_t depth) {
        if (depth > kMaxDepth) {
            ok_ = false;
        }
        return ok_;
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

// The hash of the text a model file name stands for: memx's standard library is compiled in.
std::optional<std::uint64_t> sourceHash(const std::string& relative, const fs::path& modelsDir) {
    if (relative == kStdlibName) {
        return contentHash(kStdlibText);
    }
    const fs::path rel(relative);
    if (rel.empty() || rel.is_absolute() || *rel.begin() == "..") {
        return std::nullopt;  // images name files inside their folder only
    }
    auto text = readWholeFile(modelsDir / relative);
    if (!text) {
        return std::nullopt;
    }
    return contentHash(*text);
}

void writeModelBody(Writer& w, const Model& m) {
    w.stmts(m.statements);
    w.count(m.primitives.size());
    for (const auto& p : m.primitives) {
        w.str(p.name);
        w.u8(static_cast<std::uint8_t>(p.kind));
        w.u32(p.slot);
        w.u8(static_cast<std::uint8_t>(p.builtin));
    }
    w.u32(m.globalCount);
    w.count(m.finalSlots.size());
    for (const auto& [name, slot] : m.finalSlots) {
        w.str(name);
        w.u32(slot);
    }
    w.namedLists(m.interface.enums);
    w.namedLists(m.interface.instructions);
    w.str(m.title);
    w.strings(m.shown);
    w.u8(m.needsNativeCoherence ? 1 : 0);
    w.count(m.stable.size());
    for (char c : m.stable) {
        w.u8(c ? 1 : 0);
    }
    w.count(m.varyingReads.size());
    for (const auto& reads : m.varyingReads) {
        w.count(reads.size());
        for (std::uint32_t slot : reads) {
            w.u32(slot);
        }
    }
}

void readModelBody(Reader& r, Model& m) {
    m.statements = r.stmts(0);
    m.primitives = r.list<Primitive>([&] {
        Primitive p;
        p.name = r.str();
        p.kind = r.enumerator(PrimitiveKind::Optional);
        p.slot = r.u32();
        p.builtin = r.enumerator(Builtin::Fencerel);
        return p;
    });
    m.globalCount = r.u32();
    for (std::size_t i = r.count(); i > 0 && r.ok(); --i) {
        std::string name = r.str();
        m.finalSlots[name] = r.u32();
    }
    m.interface.enums = r.namedLists();
    m.interface.instructions = r.namedLists();
    m.title = r.str();
    m.shown = r.strings();
    m.needsNativeCoherence = r.flag();
    m.stable = r.list<char>([&] { return static_cast<char>(r.flag()); });
    m.varyingReads = r.list<std::vector<std::uint32_t>>(
        [&] { return r.list<std::uint32_t>([&] { return r.u32(); }); });
}

}  // namespace

std::optional<std::string> writeModelImage(const Model& model, const fs::path& modelsDir,
                                           std::string& why) {
    std::error_code ec;
    const fs::path dir = fs::weakly_canonical(modelsDir, ec);
    Writer body;
    body.count(model.files.size());
    for (const std::string& file : model.files) {
        std::string relative = file;
        if (file != kStdlibName) {
            fs::path rel = fs::weakly_canonical(file, ec).lexically_relative(dir);
            if (ec || rel.empty() || *rel.begin() == "..") {
                why = "'" + file + "' is not in " + modelsDir.string();
                return std::nullopt;
            }
            relative = rel.generic_string();
        }
        auto hash = sourceHash(relative, modelsDir);
        if (!hash) {
            why = "cannot read '" + file + "'";
            return std::nullopt;
        }
        body.str(relative);
        body.u64(*hash);
    }
    body.strings(std::vector<std::string>(model.variants.begin(), model.variants.end()));
    writeModelBody(body, model);
    Writer image;
    image.out = std::string(kMagic);
    image.u64(contentHash(body.out));
    return image.out + body.out;
}

std::shared_ptr<const Model> readModelImage(std::string_view bytes, const fs::path& modelsDir,
                                            const LoadOptions& options) {
    if (!bytes.starts_with(kMagic)) {
        return nullptr;
    }
    bytes.remove_prefix(kMagic.size());
    Reader header(bytes);
    const std::uint64_t checksum = header.u64();
    if (!header.ok()) {
        return nullptr;
    }
    const std::string_view body = bytes.substr(8);
    if (contentHash(body) != checksum) {
        return nullptr;
    }
    Reader r(body);
    auto model = std::make_shared<Model>();
    for (std::size_t i = r.count(); i > 0 && r.ok(); --i) {
        std::string relative = r.str();
        const std::uint64_t hash = r.u64();
        if (!r.ok() || sourceHash(relative, modelsDir) != hash) {
            return nullptr;  // an edited or missing model file: the text decides
        }
        model->files.push_back(relative == kStdlibName ? relative
                                                       : (modelsDir / relative).string());
    }
    const std::vector<std::string> variants = r.strings();
    model->variants.insert(variants.begin(), variants.end());
    if (model->variants !=
        std::set<std::string>(options.variants.begin(), options.variants.end())) {
        return nullptr;
    }
    readModelBody(r, *model);
    if (!r.ok() || !r.atEnd()) {
        return nullptr;
    }
    return model;
}

std::uint64_t modelImageChecksum(std::string_view body) {
    return contentHash(body);
}

fs::path modelImagePath(const fs::path& catFile) {
    return fs::path(catFile).replace_extension(".catc");
}

std::shared_ptr<const Model> loadModelImage(const fs::path& catFile, const LoadOptions& options) {
    auto bytes = readWholeFile(modelImagePath(catFile));
    if (!bytes) {
        return nullptr;
    }
    return readModelImage(*bytes, catFile.parent_path(), options);
}

}  // namespace memx::cat
