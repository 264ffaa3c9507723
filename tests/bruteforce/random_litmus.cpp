#include "tests/bruteforce/random_litmus.hpp"

#include <sstream>
#include <vector>

namespace memx::bruteforce {

namespace {

// splitmix64: tiny, and the same sequence everywhere.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))];
    }

private:
    std::uint64_t state_;
};

struct Register {
    int thread;
    std::string name;
    std::vector<std::string> values;  // candidates for the condition
};

// One thread's body; registers are declared where first assigned, at the top level.
class ThreadWriter {
public:
    ThreadWriter(Rng& rng, int id, bool bytes, std::vector<Register>& regs, int& xWrites)
        : rng_(rng), id_(id), bytes_(bytes), regs_(regs), xWrites_(xWrites) {}

    std::string body(int statements) {
        for (int i = 0; i < statements; ++i) {
            bytes_ ? byteStatement() : wordStatement();
        }
        return out_.str();
    }

    // The two ends of a thread in a ring (load buffering's shape, a cycle of dependencies
    // through memory): the thread first reads `from`, and last stores into `to` a value made
    // from that read. A copy leaves the cycle's value open, which herd keeps as a symbolic
    // value; `r + 1` or `r * 1` is an equation herd cannot solve; `r ^ r` is 0 for herd too.
    void ringLoad(const std::string& from) { wordLoad(from); }
    // A primitive herd forks at, its value assigned to a register: herd's two alternatives
    // each number their own variables, which moves the name of a ring's open value.
    void fork(const std::string& loc) {
        std::string r = fresh("int", {"0", "1"});
        switch (rng_.below(4)) {
            case 0:
                return line(r + " = cmpxchg_relaxed(" + loc + ", 1, " + value() + ");");
            case 1:
                return line(r + " = atomic_add_unless(" + loc + ", " + value() + ", 2);");
            case 2:
                return line(r +
                            (rng_.chance(50) ? " = spin_trylock(l);" : " = spin_is_locked(l);"));
            default:
                return line(r + " = cmpxchg(" + loc + ", 0, " + value() + ");");
        }
    }
    std::string ringStore(const std::string& to) {
        static const std::vector<std::string> forms = {"@",     "@",     "@ + 0", "0 | @",
                                                       "@ + 1", "@ * 1", "@ ^ @"};
        std::string v = rng_.pick(forms);
        for (std::size_t at = v.find('@'); at != std::string::npos; at = v.find('@')) {
            v.replace(at, 1, mine_.front());
        }
        switch (rng_.below(3)) {
            case 0:
                line("WRITE_ONCE(*" + to + ", " + v + ");");
                break;
            case 1:
                line("smp_store_release(" + to + ", " + v + ");");
                break;
            default:
                line("*" + to + " = " + v + ";");
                break;
        }
        return out_.str();
    }

private:
    std::string fresh(const std::string& type, std::vector<std::string> values) {
        std::string name = "r" + std::to_string(next_++);
        declared_.push_back(type + " " + name + " = 0;");
        regs_.push_back({id_, name, std::move(values)});
        mine_.push_back(name);
        return name;
    }
    std::string value() {
        if (!mine_.empty() && rng_.chance(30)) {
            // A data dependency; a plain copy lets a cycle of copies leave its value open, which
            // herd keeps as a symbolic value (docs/oota.md).
            return rng_.pick(mine_) + (rng_.chance(50) ? " + 1" : "");
        }
        return std::to_string(1 + rng_.below(2));
    }
    void line(const std::string& s) { out_ << indent_ << s << "\n"; }

    void wordStore(const std::string& loc) {
        switch (rng_.below(3)) {
            case 0:
                return line("WRITE_ONCE(*" + loc + ", " + value() + ");");
            case 1:
                return line("smp_store_release(" + loc + ", " + value() + ");");
            default:
                return line("*" + loc + " = " + value() + ";");
        }
    }
    void wordLoad(const std::string& loc) {
        std::string target = loc;
        if (!mine_.empty() && rng_.chance(25)) {  // an address dependency, herd's way
            std::string p = "p" + std::to_string(next_++);
            declared_.push_back("int *" + p + " = 0;");
            line(p + " = " + loc + " + (" + rng_.pick(mine_) + " & 0);");
            target = p;
        }
        std::string r = fresh("int", {"0", "1", "2"});
        switch (rng_.below(3)) {
            case 0:
                return line(r + " = READ_ONCE(*" + target + ");");
            case 1:
                return line(r + " = smp_load_acquire(" + target + ");");
            default:
                return line(r + " = *" + target + ";");
        }
    }
    void wordStatement() {
        static const std::vector<std::string> locs = {"x", "y", "z"};
        const std::string& loc = rng_.pick(locs);
        switch (rng_.below(9)) {
            case 0:
            case 1:
                return wordStore(loc);
            case 2:
            case 3:
                return wordLoad(loc);
            case 4:
                if (!mine_.empty() && rng_.chance(25)) {
                    // An operator whose result nothing uses: herd's equation for it all the same.
                    const std::string t = fresh("int", {"0"});
                    line(t + " = " + rng_.pick(mine_) + " * 2;");
                    return line(t + " = 0;");
                }
                return line(
                    rng_.pick(std::vector<std::string>{"smp_mb();", "smp_rmb();", "smp_wmb();"}));
            case 5: {
                if (rng_.chance(50)) {
                    static const std::vector<std::string> xchgs = {"xchg", "xchg_relaxed",
                                                                   "xchg_acquire", "xchg_release"};
                    std::string r = fresh("int", {"0", "1", "2"});
                    return line(r + " = " + rng_.pick(xchgs) + "(" + loc + ", " + value() + ");");
                }
                return fork(loc);
            }
            case 6:
                if (!mine_.empty()) {  // a control dependency
                    line("if (" + rng_.pick(mine_) + " == 1) {");
                    indent_ += "\t";
                    wordStore(loc);
                    indent_.pop_back();
                    return line("}");
                }
                return wordStore(loc);
            case 7:
                line("spin_lock(l);");
                rng_.chance(50) ? wordStore(loc) : wordLoad(loc);
                return line("spin_unlock(l);");
            default:
                if (rng_.chance(40)) {
                    return line("synchronize_rcu();");
                }
                line("rcu_read_lock();");
                wordLoad(loc);
                return line("rcu_read_unlock();");
        }
    }

    void byteStatement() {
        int kind = rng_.below(8);
        // Each byte of x is a location of its own whose coherence orders the built-in models
        // enumerate eagerly, per byte and combined: past a handful of writes to x that runs
        // out of evaluation stack (seeds 4197 and 12329 of earlier versions), a known limit of
        // byte-granular tests rather than a disagreement to look for.
        if (kind <= 1 && ++xWrites_ > 3) {
            kind = 2;
        }
        switch (kind) {
            case 0:
                return line(std::string(rng_.chance(70) ? "WRITE_ONCE(*x, 0x01010101);"
                                                        : "*x = 0x01010101;"));
            case 1: {  // a single-copy-atomic half of x
                std::string h = "h" + std::to_string(next_++);
                declared_.push_back("u16 *" + h + " = (u16 *)x + " + std::to_string(rng_.below(2)) +
                                    ";");
                return line("WRITE_ONCE(*" + h + ", 0x0202);");
            }
            case 2: {
                std::string r = fresh("u32", {"0", "0x01010101", "0x02020202", "0x00000202"});
                return line(r + (rng_.chance(70) ? " = READ_ONCE(*x);" : " = *x;"));
            }
            case 3:
                return line("b[" + std::to_string(rng_.below(2)) + "] = 1;");
            case 4: {
                std::string r = fresh("u8", {"0", "1"});
                return line(r + " = b[" + std::to_string(rng_.below(2)) + "];");
            }
            case 5:
                return line(rng_.chance(50) ? "memcpy(k, b, 2);" : "copy_from_user(k, b, 2);");
            case 6:
                return line("smp_mb();");
            default:
                return line("k[" + std::to_string(rng_.below(2)) + "] = 2;");
        }
    }

public:
    std::string declarations() const {
        std::string s;
        for (const auto& d : declared_) {
            s += "\t" + d + "\n";
        }
        return s;
    }

private:
    Rng& rng_;
    int id_;
    bool bytes_;
    std::vector<Register>& regs_;
    int& xWrites_;
    std::vector<std::string> mine_;
    std::vector<std::string> declared_;
    std::ostringstream out_;
    std::string indent_ = "\t";
    int next_ = 0;
};

}  // namespace

RandomLitmus randomLitmus(std::uint64_t seed) {
    Rng rng(seed);
    RandomLitmus t;
    t.name = "fuzz-" + std::to_string(seed);
    t.byteGranular = rng.chance(30);
    // Two or three threads mostly: four multiply the candidates past the brute-force cap, and
    // byte-granular tests keep to three (see byteStatement).
    const int threads = 2 + (!t.byteGranular && rng.chance(15) ? 2 : rng.below(2));
    std::vector<Register> regs;
    int xWrites = 0;  // byte-granular tests: writes to x so far (see byteStatement)
    std::ostringstream text;
    text << "C " << t.name << "\n\n{\n";
    text << (t.byteGranular ? "u32 x = 0;\nu8 b[2] = {0, 0};\nu8 k[2] = {0, 0};\n"
                            : "int x = 0;\nint y = 0;\nint z = 0;\n");
    text << "}\n";
    // A ring: thread i reads ring[i] first and stores into ring[i + 1] last.
    const bool ring = !t.byteGranular && rng.chance(25);
    static const std::vector<std::string> ringLocations = {"x", "y", "z"};
    for (int id = 0; id < threads; ++id) {
        ThreadWriter w(rng, id, t.byteGranular, regs, xWrites);
        std::string body;
        if (ring) {
            w.ringLoad(ringLocations[static_cast<std::size_t>(id) % 3]);
            if (rng.chance(30)) {
                w.fork(ringLocations[static_cast<std::size_t>(id + 2) % 3]);
            }
            w.body(rng.below(threads > 2 ? 2 : 3));
            body = w.ringStore(ringLocations[static_cast<std::size_t>((id + 1) % threads) % 3]);
        } else {
            body = w.body(1 + rng.below(threads > 2 ? 3 : 4));
        }
        text << "\nP" << id
             << (t.byteGranular ? "(u32 *x, u8 *b, u8 *k)"
                                : "(int *x, int *y, int *z, spinlock_t *l)")
             << "\n{\n"
             << w.declarations() << body << "}\n";
    }
    text << "\nexists (";
    if (regs.empty()) {
        text << (t.byteGranular ? "k[0]=0" : "x=" + std::to_string(rng.below(3)));
    } else {
        const int atoms = 1 + rng.below(2);
        for (int i = 0; i < atoms; ++i) {
            const Register& r = rng.pick(regs);
            text << (i ? " /\\ " : "") << r.thread << ":" << r.name << "=" << rng.pick(r.values);
        }
    }
    text << ")\n";
    t.text = text.str();
    return t;
}

}  // namespace memx::bruteforce
