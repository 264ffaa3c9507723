// Syntax colours for herd's C litmus dialect: the header line, thread headers, keywords of the
// condition, kernel primitives, numbers and both comment forms (`(* *)` and `//`).
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <vector>

namespace memx::gui {

class LitmusHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit LitmusHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    std::vector<Rule> rules_;
    QTextCharFormat comment_;
};

}  // namespace memx::gui
