// The litmus editor: a QPlainTextEdit with line numbers, syntax colours, and diagnostics shown
// inline: a wavy red underline at each diagnostic's line and column range, a mark in the line
// number gutter, and the message as a tooltip when the mouse rests on either.
#pragma once

#include <QPlainTextEdit>
#include <vector>

#include "litmus/diagnostic.hpp"

namespace memx::gui {

class LitmusHighlighter;

class LitmusEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit LitmusEditor(QWidget* parent = nullptr);

    // Replaces the shown diagnostics (those of other files are ignored by the caller).
    void setDiagnostics(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    // The message of the diagnostic covering document position `position`, or empty.
    QString diagnosticAt(int position) const;
    // The messages of the diagnostics on 1-based line `line`, one per line of text.
    QString diagnosticsOnLine(int line) const;

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent* event);

protected:
    bool viewportEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Document positions [begin, end) a diagnostic underlines (at least one character).
    std::pair<int, int> span(const Diagnostic& d) const;
    void updateMargins();
    void updateLineNumberArea(const QRect& rect, int dy);

    QWidget* lineNumbers_;
    LitmusHighlighter* highlighter_;
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace memx::gui
