#include "gui/litmus_highlighter.hpp"

namespace memx::gui {

namespace {

QTextCharFormat charFormat(const QColor& color, bool bold = false, bool italic = false) {
    QTextCharFormat f;
    f.setForeground(color);
    if (bold) {
        f.setFontWeight(QFont::Bold);
    }
    f.setFontItalic(italic);
    return f;
}

// Block state: inside a `(* ... *)` comment that continues on the next line.
constexpr int kInComment = 1;

}  // namespace

LitmusHighlighter::LitmusHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    auto add = [&](const char* pattern, const QTextCharFormat& f) {
        rules_.push_back({QRegularExpression(QString::fromLatin1(pattern)), f});
    };
    // Colours from the Okabe-Ito palette, as the figures use.
    add(R"(\b(exists|forall|filter|locations|if|else|while|int|unsigned|long|char|void|const|)"
        R"(volatile|atomic_int|atomic_t|spinlock_t|_Atomic|return|true|false)\b)",
        charFormat(QColor(0x00, 0x72, 0xB2), true));
    add(R"(\b[A-Za-z_][A-Za-z0-9_]*(?=\s*\())", charFormat(QColor(0xCC, 0x79, 0xA7)));
    add(R"(^\s*P\d+\b)", charFormat(QColor(0xD5, 0x5E, 0x00), true));
    add(R"(\b\d+:[A-Za-z_]\w*)", charFormat(QColor(0xD5, 0x5E, 0x00)));
    add(R"(\b(0x[0-9a-fA-F]+|\d+)\b)", charFormat(QColor(0x00, 0x9E, 0x73)));
    add(R"(/\\|\\/|~)", charFormat(QColor(0x00, 0x72, 0xB2), true));
    add(R"(//[^\n]*)", charFormat(Qt::darkGray, false, true));
    comment_ = charFormat(Qt::darkGray, false, true);
}

void LitmusHighlighter::highlightBlock(const QString& text) {
    if (currentBlock().blockNumber() == 0) {  // "C name": the architecture and the test's name
        setFormat(0, int(text.size()), charFormat(Qt::black, true));
        setCurrentBlockState(0);
        return;
    }
    for (const Rule& rule : rules_) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            auto m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
    // (* comments *), possibly over several lines. "(*" followed by a name is a dereference in
    // code ("READ_ONCE(*x)"), so a comment opens only with "(*" before a blank or the line end.
    static const QRegularExpression opening(QStringLiteral(R"(\(\*(?=\s|\*|$))"));
    setCurrentBlockState(0);
    qsizetype start = previousBlockState() == kInComment ? 0 : text.indexOf(opening);
    while (start >= 0) {
        qsizetype end = text.indexOf(QLatin1String("*)"), start);
        qsizetype length;
        if (end < 0) {
            setCurrentBlockState(kInComment);
            length = text.size() - start;
        } else {
            length = end - start + 2;
        }
        setFormat(int(start), int(length), comment_);
        start = text.indexOf(opening, start + length);
    }
}

}  // namespace memx::gui
