#include "solver/builtin_flags.hpp"

namespace memx::solver {

namespace {

// lkmm-locks.cat, included by all three built-in models. `LockEvents` there.
void addLockFlags(std::vector<FlagCondition>& flags) {
    const std::vector<std::string> lockEvents = {
        "LKR", "LKW", "UL", "LF", "RL", "RU", "Srcu-lock", "Srcu-unlock", "Sync-srcu"};
    flags.push_back(
        {"mixed-lock-accesses", "mixed-lock-accesses", FlagNeed::EventOfSets, lockEvents});
    flags.push_back({"unpaired-LKW", "unpaired-LKW", FlagNeed::EventOfSets, {"LKW"}});
    flags.push_back({"unpaired-LKR", "unpaired-LKR", FlagNeed::EventOfSets, {"LKR"}});
    flags.push_back({"lock-final", "lock-final", FlagNeed::EventOfSets, lockEvents});
    flags.push_back({"unmatched-unlock", "unmatched-unlock", FlagNeed::EventOfSets, {"UL"}});
}

std::vector<FlagCondition> lkmmFlags() {
    std::vector<FlagCondition> flags;
    // lkmm-classes.cat: each needs an RCU or SRCU event of the kind it counts.
    flags.push_back(
        {"unmatched-rcu-lock", "unmatched-rcu-lock", FlagNeed::EventOfSets, {"Rcu-lock"}});
    flags.push_back(
        {"unmatched-rcu-unlock", "unmatched-rcu-unlock", FlagNeed::EventOfSets, {"Rcu-unlock"}});
    flags.push_back(
        {"unmatched-srcu-lock", "unmatched-srcu-lock", FlagNeed::EventOfSets, {"Srcu-lock"}});
    flags.push_back(
        {"unmatched-srcu-unlock", "unmatched-srcu-unlock", FlagNeed::EventOfSets, {"Srcu-unlock"}});
    flags.push_back(
        {"multiple-srcu-matches", "multiple-srcu-matches", FlagNeed::EventOfSets, {"Srcu-lock"}});
    flags.push_back({"invalid-sleep", "invalid-sleep", FlagNeed::EventOfSets, {"Sync-srcu"}});
    flags.push_back(
        {"srcu-bad-value-match", "srcu-bad-value-match", FlagNeed::EventOfSets, {"Srcu-lock"}});
    addLockFlags(flags);
    flags.push_back({"mixed-accesses", "mixed-accesses", FlagNeed::PlainWriteBesideMarked, {}});
    flags.push_back({"data-race", "data-race", FlagNeed::LkmmRace, {}});
    flags.push_back({"torn-read", "torn-read", FlagNeed::TornRead, {}});
    return flags;
}

std::vector<FlagCondition> rc11Flags() {
    std::vector<FlagCondition> flags;
    addLockFlags(flags);
    // `undefined_unless empty race as data-race`: herd prints a failed one as *undef*.
    flags.push_back({"data-race", "*undef*", FlagNeed::Rc11Race, {}});
    flags.push_back({"torn-read", "torn-read", FlagNeed::TornRead, {}});
    return flags;
}

std::vector<FlagCondition> scFlags() {
    std::vector<FlagCondition> flags;
    addLockFlags(flags);
    return flags;
}

}  // namespace

const std::vector<FlagCondition>* builtinFlagConditions(std::string_view model) {
    static const std::vector<FlagCondition> lkmm = lkmmFlags();
    static const std::vector<FlagCondition> rc11 = rc11Flags();
    static const std::vector<FlagCondition> sc = scFlags();
    if (model == "lkmm") {
        return &lkmm;
    }
    if (model == "rc11") {
        return &rc11;
    }
    if (model == "sc") {
        return &sc;
    }
    return nullptr;
}

}  // namespace memx::solver
