// The window stays responsive while it solves (issue 8, result 3) and after (issue 16): a 10 ms
// QTimer heartbeat on the GUI thread never waits more than 100 ms between two beats, from Run
// until the results are listed and the first execution drawn (the user sees a freeze then too).
//
// A measurement only counts if it saw enough beats while solving: the largest test of
// ../shared/corpus/kernel solves in about 5 ms, so it runs again and again until its runs add
// up to 3 s; two corpus/lkmm tests each run once, exhaustively as the window runs them, for
// seconds, and list thousands of executions; and a byte-granular 4 KiB copy_to_user against a
// u64 READ_ONCE (bench/usercopy's to-user case, about 0.3 s and 256 executions with byte
// classes) runs until its runs add up to 3 s. The corpus cases skip when ../shared is missing.
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <optional>

#include "gui/graph_panel.hpp"
#include "gui/main_window.hpp"
#include "gui/results_panel.hpp"
#include "gui/run_controller.hpp"
#include "gui_test_support.hpp"

using namespace memx::gui;

namespace {

constexpr int kHeartbeatMs = 10;
constexpr qint64 kMaxGapMs = 100;  // issue 8: no event-loop stall over 100 ms while solving
// After the solve the window lists the results and draws the first execution. Its layout
// (render::layoutExecution's edge routing: 65-105 ms for the 12-thread case's 48-event figure)
// once ran on the GUI thread and was bounded at 200 ms apart; it runs on a worker since
// issue 16, so the same 100 ms holds after the solve too.
constexpr qint64 kMaxGapAfterSolveMs = 100;
// Fewer beats while solving than this and the measurement proves nothing (one run of the
// kernel test gave 0 beats); 100 beats are at least a second of solving.
constexpr int kMinBeatsWhileSolving = 100;
// Beats after the list is filled: a deferred layout of thousands of rows would show here.
constexpr int kSettleMs = 300;

// Nanoseconds the calling thread has spent runnable but waiting for a CPU (the second field
// of Linux's /proc/thread-self/schedstat), or nullopt where the kernel does not say.
std::optional<qint64> cpuWaitNs() {
    std::FILE* f = std::fopen("/proc/thread-self/schedstat", "r");
    if (!f) {
        return std::nullopt;
    }
    unsigned long long running = 0;
    unsigned long long waiting = 0;
    const int read = std::fscanf(f, "%llu %llu", &running, &waiting);
    std::fclose(f);
    return read == 2 ? std::optional<qint64>(qint64(waiting)) : std::nullopt;
}

// Heartbeats on the GUI thread from construction until stop(): the longest gap between two
// beats, and how many beats fell while a run was solving.
//
// A gap is the window's own when the GUI thread was busy or blocked in it, not when the
// scheduler gave its CPU to someone else: on the shared 2-core machine, other builds and tests
// preempted the thread for up to 90 ms while it had nothing to do. So each gap is also
// measured without the time the thread waited for a CPU (schedstat), and that is what the
// test bounds; a blocking wait (sleeping, not runnable) still counts in full.
class Heartbeat {
public:
    explicit Heartbeat(const RunController& runner) {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(kHeartbeatMs);
        QObject::connect(&timer_, &QTimer::timeout, [this, &runner] { beat(runner.running()); });
        lastWaitNs_ = cpuWaitNs();
        clock_.start();
        timer_.start();
    }

    void stop() {
        timer_.stop();
        measureGap(false);  // a stall at the very end, with no beat after it, counts too
    }

    bool schedulerWaitKnown() const { return lastWaitNs_.has_value(); }
    int beats() const { return beats_; }
    int beatsWhileSolving() const { return beatsWhileSolving_; }
    qint64 longestGapMs() const { return longestGapMs_; }        // wall clock
    qint64 longestOwnGapMs() const { return longestOwnGapMs_; }  // without waits for a CPU
    qint64 longestOwnGapWhileSolvingMs() const { return longestOwnGapWhileSolvingMs_; }
    qint64 longestOwnGapAfterSolveMs() const { return longestOwnGapAfterSolveMs_; }
    qint64 cpuWaitMs() const { return cpuWaitTotalNs_ / 1000000; }
    const char* longestOwnGapPhase() const {
        return longestOwnGapWhileSolving_ ? "while solving" : "after the solve (listing results)";
    }
    qint64 elapsedMs() const { return clock_.elapsed(); }

private:
    void beat(bool solving) {
        measureGap(solving);
        ++beats_;
        beatsWhileSolving_ += solving ? 1 : 0;
    }

    void measureGap(bool solving) {
        const qint64 now = clock_.elapsed();
        const qint64 gap = now - last_;
        qint64 waitedMs = 0;
        if (lastWaitNs_) {
            const std::optional<qint64> waitNs = cpuWaitNs();
            if (waitNs) {
                cpuWaitTotalNs_ += *waitNs - *lastWaitNs_;
                waitedMs = (*waitNs - *lastWaitNs_) / 1000000;
            }
            lastWaitNs_ = waitNs;
        }
        longestGapMs_ = std::max(longestGapMs_, gap);
        qint64& phaseLongest = solving ? longestOwnGapWhileSolvingMs_ : longestOwnGapAfterSolveMs_;
        phaseLongest = std::max(phaseLongest, gap - waitedMs);
        if (gap - waitedMs > longestOwnGapMs_) {
            longestOwnGapMs_ = gap - waitedMs;
            longestOwnGapWhileSolving_ = solving;
        }
        last_ = now;
    }

    QTimer timer_;
    QElapsedTimer clock_;
    std::optional<qint64> lastWaitNs_;
    qint64 cpuWaitTotalNs_ = 0;
    qint64 last_ = 0;
    qint64 longestGapMs_ = 0;
    qint64 longestOwnGapMs_ = 0;
    qint64 longestOwnGapWhileSolvingMs_ = 0;
    qint64 longestOwnGapAfterSolveMs_ = 0;
    bool longestOwnGapWhileSolving_ = true;
    int beats_ = 0;
    int beatsWhileSolving_ = 0;
};

// Seconds a run spent: in the engine (outcome.seconds) and off the GUI thread from Run until
// its result came back (the runner's clock, read when it reports the end).
struct SolveTime {
    double engine = 0;
    double worker = 0;
};

// Runs the window's test once: true when it finished (not cancelled, no time limit) and its
// results are listed.
bool runOnce(MainWindow& window, SolveTime& time) {
    double worker = -1;
    const auto connection = QObject::connect(window.runner(), &RunController::finished,
                                             [&] { worker = window.runner()->elapsedSeconds(); });
    window.run();
    const bool finished = window.runner()->running() && testing::waitForRun(window, 120000);
    QObject::disconnect(connection);
    const auto run = window.lastRun();
    if (!finished || !run || run->outcome.cancelled || run->outcome.timedOut || worker < 0) {
        return false;
    }
    time.engine += run->outcome.seconds;
    time.worker += worker;
    return !window.results()->listedExecutions().empty();
}

void report(const char* what, const Heartbeat& beat, const SolveTime& time, int runs,
            std::size_t listed) {
    qInfo(
        "%s: %d run(s), solved in %.2f s (engine %.2f s; wall %.2f s with listing), %zu "
        "executions listed; %d heartbeats (%d while solving); longest gap %lld ms, %lld ms "
        "without waits for a CPU (%s); own gaps: %lld ms while solving, %lld ms after; the "
        "GUI thread waited %lld ms for a CPU in all",
        what, runs, time.worker, time.engine, beat.elapsedMs() / 1000.0, listed, beat.beats(),
        beat.beatsWhileSolving(), static_cast<long long>(beat.longestGapMs()),
        static_cast<long long>(beat.longestOwnGapMs()), beat.longestOwnGapPhase(),
        static_cast<long long>(beat.longestOwnGapWhileSolvingMs()),
        static_cast<long long>(beat.longestOwnGapAfterSolveMs()),
        static_cast<long long>(beat.cpuWaitMs()));
    if (!beat.schedulerWaitKnown()) {
        qInfo("no /proc/thread-self/schedstat: gaps include waits for a CPU");
    }
}

// The checks of a measurement: it saw enough beats while solving, no gap of the window's own
// exceeded 100 ms while solving, nor 100 ms after it (kMaxGapAfterSolveMs).
void verifyResponsive(const Heartbeat& beat) {
    QVERIFY2(beat.beatsWhileSolving() >= kMinBeatsWhileSolving,
             qPrintable(QStringLiteral("only %1 heartbeats while solving: nothing measured")
                            .arg(beat.beatsWhileSolving())));
    QVERIFY2(beat.longestOwnGapWhileSolvingMs() <= kMaxGapMs,
             qPrintable(QStringLiteral("event loop stalled %1 ms while solving")
                            .arg(beat.longestOwnGapWhileSolvingMs())));
    QVERIFY2(beat.longestOwnGapAfterSolveMs() <= kMaxGapAfterSolveMs,
             qPrintable(QStringLiteral("event loop stalled %1 ms after the solve")
                            .arg(beat.longestOwnGapAfterSolveMs())));
}

// The offscreen platform warns on every toolbar change (the progress bar shown and hidden);
// a thousand runs would bury the measurement under that line.
QtMessageHandler previousHandler = nullptr;

void dropOffscreenSizeHintWarnings(QtMsgType type, const QMessageLogContext& context,
                                   const QString& message) {
    if (message.contains(QLatin1String("does not support propagateSizeHints"))) {
        return;
    }
    previousHandler(type, context, message);
}

}  // namespace

class ResponsivenessTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { previousHandler = qInstallMessageHandler(dropOffscreenSizeHintWarnings); }

    void init() {
        QVERIFY(dir_.isValid());
        settings_ = std::make_unique<QSettings>(dir_.filePath(QStringLiteral("memx-gui.ini")),
                                                QSettings::IniFormat);
        settings_->clear();
        window_ = std::make_unique<MainWindow>(*settings_);
        window_->setTimeLimit(0);          // a measurement is not a race against the time limit
        window_->setEveryExecution(true);  // the long runs measured stay long
        window_->show();
    }

    void cleanup() {
        window_.reset();
        settings_.reset();
    }

    // The case. One solve is far too short to measure, so the same test runs until the
    // runs add up to 3 s, each run's results being listed inside the measurement.
    void noStallWhileSolvingTheLargestKernelTest() {
        const QString corpus = QStringLiteral(MEMX_SHARED_DIR "/corpus/kernel");
        if (!QFileInfo(corpus).isDir()) {
            QSKIP("../shared/corpus/kernel is missing (set MEMX_SHARED_DIR)");
        }
        QString largest;
        qint64 size = -1;
        QDirIterator it(corpus, {QStringLiteral("*.litmus")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo f(it.next());
            if (f.size() > size || (f.size() == size && f.filePath() < largest)) {
                size = f.size();
                largest = f.filePath();
            }
        }
        QVERIFY(!largest.isEmpty());
        qInfo("largest kernel test: %s (%lld bytes)", qPrintable(largest),
              static_cast<long long>(size));
        QVERIFY(window_->openFile(largest));
        settle();

        Heartbeat beat(*window_->runner());
        SolveTime time;
        int runs = 0;
        // 3 s: a run of a few milliseconds meets a 10 ms beat only now and then, so 2 s gave
        // 100-170 beats while solving, too close to the minimum.
        while (time.worker < 3.0 && runs < 2000) {
            QVERIFY2(runOnce(*window_, time), "a run of the kernel test did not finish");
            ++runs;
        }
        QTest::qWait(kSettleMs);
        beat.stop();
        report("kernel", beat, time, runs, window_->results()->listedExecutions().size());
        QVERIFY(window_->results()->observationText().startsWith(QStringLiteral("Observation")));
        verifyResponsive(beat);
        if (QTest::currentTestFailed()) {
            return;
        }
    }

    // Runs of seconds, then thousands of executions (and states) to list. herd7 takes 20 s and
    // 29 s on these; memx about 2.4 s and 1.2 s, exhaustively ("every execution").
    void noStallWhileSolvingALongLkmmTest_data() {
        QTest::addColumn<QString>("test");
        QTest::addColumn<QString>("observation");  // herd7's, from corpus/lkmm/expected.csv
        QTest::addColumn<int>("executions");       // allowed: Positive + Negative
        QTest::newRow("12 threads, 4096 states")
            << QStringLiteral(
                   "auto/C-RW-G+RW-G+RW-R+RW-R+RW-R+RW-R+RW-G+RW-G+RW-R+RW-R+RW-R+"
                   "RW-R.litmus")
            << QStringLiteral("Sometimes 1 4095") << 4096;
        QTest::newRow("SRCU-82-A") << QStringLiteral("manual/srcu/C-SRCU-82-A.litmus")
                                   << QStringLiteral("Never 0 4071") << 4071;
    }

    void noStallWhileSolvingALongLkmmTest() {
        QFETCH(QString, test);
        QFETCH(QString, observation);
        QFETCH(int, executions);
        const QString path = QStringLiteral(MEMX_SHARED_DIR "/corpus/lkmm/") + test;
        if (!QFileInfo(path).isFile()) {
            QSKIP("../shared/corpus/lkmm is missing (set MEMX_SHARED_DIR)");
        }
        QVERIFY(window_->openFile(path));
        settle();

        Heartbeat beat(*window_->runner());
        SolveTime time;
        // Again until the runs add up to 2.5 s: C-SRCU-82-A once took 6 s, and takes 1.2 s
        // since the explicit search solves its dependency cycle, too close to the minimum beats.
        int runs = 0;
        while (runs == 0 || (time.worker < 2.5 && runs < 20)) {
            QVERIFY2(runOnce(*window_, time), "the run did not finish");
            ++runs;
        }
        QTest::qWait(kSettleMs);
        beat.stop();
        const std::size_t listed = window_->results()->listedExecutions().size();
        report(qPrintable(test), beat, time, runs, listed);
        QVERIFY2(window_->results()->observationText().endsWith(QLatin1Char(' ') + observation),
                 qPrintable(window_->results()->observationText()));
        QCOMPARE(listed, std::size_t(executions));
        QCOMPARE(window_->results()->statesTable()->model()->rowCount(),
                 int(window_->lastRun()->outcome.states.size()));
        // What the user sees once it settles: the first execution selected and drawn.
        QCOMPARE(window_->results()->currentExecution(), 0);
        QVERIFY(window_->graph()->layout());
        verifyResponsive(beat);
        if (QTest::currentTestFailed()) {
            return;
        }
    }

    // Issue 16, result 3: a byte-granular 4 KiB copy. One run takes about 0.3 s, so it runs
    // until its runs add up to 3 s, each run's 256 executions listed and the first drawn.
    void noStallOnAFourKibCopy() {
        QString ones;
        for (int i = 0; i < 4096; ++i) {
            ones += i ? QStringLiteral(",1") : QStringLiteral("1");
        }
        window_->setTestText(
            QStringLiteral("C copy_to_user-4096\n{ u8 kbuf[4096] = {%1}; u8 ubuf[4096]; }\n"
                           "P0(u8 *ubuf, u8 *kbuf) { copy_to_user(ubuf, kbuf, 4096); }\n"
                           "P1(u8 *ubuf) { u64 r0 = READ_ONCE(*(u64 *)(ubuf + 2048)); }\n"
                           "exists (1:r0!=0 /\\ 1:r0!=0x0101010101010101)\n")
                .arg(ones));
        settle();

        Heartbeat beat(*window_->runner());
        SolveTime time;
        int runs = 0;
        while (runs == 0 || (time.worker < 3.0 && runs < 100)) {
            QVERIFY2(runOnce(*window_, time), "a run of the 4 KiB copy did not finish");
            ++runs;
        }
        QTest::qWait(kSettleMs);
        beat.stop();
        const std::size_t listed = window_->results()->listedExecutions().size();
        report("copy_to_user 4 KiB", beat, time, runs, listed);
        QVERIFY2(window_->results()->observationText().startsWith(
                     QStringLiteral("Observation copy_to_user-4096 Sometimes")),
                 qPrintable(window_->results()->observationText()));
        // Drawn by access: two initial values, the copy and the read, not 8 KiB of bytes.
        QVERIFY(testing::waitForFigure(*window_->graph()));
        QVERIFY(window_->graph()->layout());
        QCOMPARE(int(window_->graph()->layout()->nodes.size()), 4);
        verifyResponsive(beat);
    }

private:
    // What happens between opening a test and pressing Run, outside the measurement: the
    // as-you-type check, and the settings file written (the recent-files entry). QSettings
    // writes it on the GUI thread at the next turn of the event loop, locking the file with an
    // fdatasync that took 66-500 ms under perf's disk load, inside the first solve measured.
    void settle() {
        window_->checkNow();
        settings_->sync();
    }

    QTemporaryDir dir_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(ResponsivenessTest)
#include "responsiveness_test.moc"
