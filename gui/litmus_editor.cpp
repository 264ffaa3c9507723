#include "gui/litmus_editor.hpp"

#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>
#include <algorithm>

#include "gui/litmus_highlighter.hpp"

namespace memx::gui {

namespace {

// The gutter: paints through the editor, which knows the block geometry; shows the messages
// of a line's diagnostics when hovered.
class LineNumberArea : public QWidget {
public:
    explicit LineNumberArea(LitmusEditor* editor) : QWidget(editor), editor_(editor) {
        setMouseTracking(true);
    }
    QSize sizeHint() const override { return {editor_->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintLineNumbers(event); }
    bool event(QEvent* e) override {
        if (e->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(e);
            QTextCursor c = editor_->cursorForPosition(QPoint(0, help->pos().y()));
            QString text = editor_->diagnosticsOnLine(c.blockNumber() + 1);
            if (text.isEmpty()) {
                QToolTip::hideText();
            } else {
                QToolTip::showText(help->globalPos(), text, this);
            }
            return true;
        }
        return QWidget::event(e);
    }

private:
    LitmusEditor* editor_;
};

}  // namespace

LitmusEditor::LitmusEditor(QWidget* parent)
    : QPlainTextEdit(parent),
      lineNumbers_(new LineNumberArea(this)),
      highlighter_(new LitmusHighlighter(document())) {
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this](int) { updateMargins(); });
    connect(this, &QPlainTextEdit::updateRequest, this, &LitmusEditor::updateLineNumberArea);
    updateMargins();
}

int LitmusEditor::lineNumberAreaWidth() const {
    int digits = 1;
    for (int n = std::max(1, blockCount()); n >= 10; n /= 10) {
        ++digits;
    }
    // Room for the digits and for the error mark in front of them.
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void LitmusEditor::updateMargins() {
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void LitmusEditor::updateLineNumberArea(const QRect& rect, int dy) {
    if (dy != 0) {
        lineNumbers_->scroll(0, dy);
    } else {
        lineNumbers_->update(0, rect.y(), lineNumbers_->width(), rect.height());
    }
}

void LitmusEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    QRect r = contentsRect();
    lineNumbers_->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void LitmusEditor::paintLineNumbers(QPaintEvent* event) {
    QPainter p(lineNumbers_);
    p.fillRect(event->rect(), QColor(0xF2, 0xF2, 0xF2));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int height = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            if (!diagnosticsOnLine(line).isEmpty()) {
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(0xD5, 0x5E, 0x00));
                p.drawEllipse(QRectF(3, top + height / 2.0 - 3.5, 7, 7));
            }
            p.setPen(Qt::darkGray);
            p.drawText(0, top, lineNumbers_->width() - 3, height, Qt::AlignRight,
                       QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

std::pair<int, int> LitmusEditor::span(const Diagnostic& d) const {
    const QTextDocument* doc = document();
    if (d.range.begin.line == 0) {  // about the whole test: mark its first line
        QTextBlock b = doc->firstBlock();
        return {b.position(), b.position() + std::max(1, int(b.length()) - 1)};
    }
    auto position = [&](SourcePos pos) {
        QTextBlock b = doc->findBlockByNumber(int(pos.line) - 1);
        if (!b.isValid()) {
            b = doc->lastBlock();
        }
        int column = std::max(1, int(pos.column));
        return b.position() + std::min(column - 1, std::max(0, int(b.length()) - 1));
    };
    int begin = position(d.range.begin);
    int end = d.range.end.line == 0 ? begin : position(d.range.end);
    return {begin, std::max(end + 1, begin + 1)};
}

void LitmusEditor::setDiagnostics(std::vector<Diagnostic> diagnostics) {
    diagnostics_ = std::move(diagnostics);
    QList<QTextEdit::ExtraSelection> marks;
    for (const Diagnostic& d : diagnostics_) {
        auto [begin, end] = span(d);
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(begin);
        mark.cursor.setPosition(std::min(end, document()->characterCount() - 1),
                                QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(d.severity == Severity::Error ? Qt::red
                                                                    : QColor(0xE6, 0x9F, 0x00));
        mark.format.setToolTip(QString::fromStdString(d.message));
        marks.push_back(mark);
    }
    setExtraSelections(marks);
    lineNumbers_->update();
}

QString LitmusEditor::diagnosticAt(int position) const {
    for (const Diagnostic& d : diagnostics_) {
        auto [begin, end] = span(d);
        if (position >= begin && position < end) {
            return QString::fromStdString(d.message);
        }
    }
    return {};
}

QString LitmusEditor::diagnosticsOnLine(int line) const {
    QStringList messages;
    for (const Diagnostic& d : diagnostics_) {
        const int first = d.range.begin.line == 0 ? 1 : int(d.range.begin.line);
        const int last = std::max(first, int(d.range.end.line));
        if (line >= first && line <= last) {
            messages << QString::fromStdString(d.message);
        }
    }
    return messages.join(QLatin1Char('\n'));
}

bool LitmusEditor::viewportEvent(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        QTextCursor c = cursorForPosition(help->pos());
        QString text = diagnosticAt(c.position());
        if (text.isEmpty()) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(e);
}

}  // namespace memx::gui
