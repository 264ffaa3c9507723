#include "render/painter.hpp"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QString>
#include <algorithm>

namespace memx::render {

namespace {

constexpr double kEdgeWidth = 1.3;
constexpr double kCycleEdgeWidth = 3.0;
constexpr double kBoxWidth = 1.0;
constexpr double kHighlightBoxWidth = 2.5;
constexpr double kWaitingBoxWidth = 2.0;  // dashed: a waiting thread's last read

QPointF qt(Point p) {
    return {p.x, p.y};
}
QColor qt(Color c) {
    return QColor(c.r, c.g, c.b);
}
QString qt(const std::string& s) {
    return QString::fromStdString(s);
}

QFont monospace(double pixelSize, bool bold = false) {
    QFont f(QStringLiteral("DejaVu Sans Mono"));
    f.setStyleHint(QFont::Monospace);
    f.setPixelSize(int(pixelSize));
    f.setBold(bold);
    return f;
}

QPen relationPen(const RelationStyle& style, double width) {
    QPen pen(qt(style.color), width);
    pen.setCapStyle(Qt::FlatCap);
    switch (style.line) {
        case LineStyle::Solid:
            pen.setStyle(Qt::SolidLine);
            break;
        case LineStyle::Dashed:
            pen.setStyle(Qt::DashLine);
            break;
        case LineStyle::Dotted:
            pen.setStyle(Qt::DotLine);
            break;
        case LineStyle::DashDot:
            pen.setStyle(Qt::DashDotLine);
            break;
        case LineStyle::LongDash:
            pen.setDashPattern({6, 2.5});  // in units of the pen's width
            break;
        case LineStyle::DashDotDot:
            pen.setStyle(Qt::DashDotDotLine);
            break;
        case LineStyle::LongDashDot:
            pen.setDashPattern({7, 2, 1, 2});
            break;
        case LineStyle::SparseDot:
            pen.setDashPattern({1, 4});
            break;
        case LineStyle::DenseDash:
            pen.setDashPattern({2, 1.5});
            break;
    }
    return pen;
}

}  // namespace

void paintEdge(QPainter& p, const Layout& l, const EdgeShape& e) {
    const RelationStyle& style = l.styles[e.style];
    p.setPen(relationPen(style, e.inCycle ? kCycleEdgeWidth : kEdgeWidth));
    p.setBrush(Qt::NoBrush);
    QPainterPath path(qt(e.start()));
    for (std::size_t i = 1; i + 2 < e.path.size(); i += 3) {
        path.cubicTo(qt(e.path[i]), qt(e.path[i + 1]), qt(e.path[i + 2]));
    }
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(qt(style.color));
    p.drawPolygon(QPolygonF{qt(e.arrowHead[0]), qt(e.arrowHead[1]), qt(e.arrowHead[2])});
}

void paintEdgeLabel(QPainter& p, const Layout& l, const EdgeShape& e) {
    QRectF r(e.labelCenter.x - e.labelWidth / 2, e.labelCenter.y - e.labelHeight / 2, e.labelWidth,
             e.labelHeight);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawRect(r);
    p.setPen(qt(l.styles[e.style].color));
    p.setFont(monospace(TextMetrics::labelFontSize, e.inCycle));
    p.drawText(r, Qt::AlignCenter, qt(e.label()));
}

void paintNode(QPainter& p, const NodeBox& n) {
    QRectF r(n.center.x - n.width / 2, n.center.y - n.height / 2, n.width, n.height);
    QPen border(Qt::black, n.highlighted ? kHighlightBoxWidth
                           : n.waits     ? kWaitingBoxWidth
                                         : kBoxWidth);
    if (n.waits) {
        border.setStyle(Qt::DashLine);
    }
    p.setPen(border);
    p.setBrush(n.highlighted ? QColor(0xFF, 0xF1, 0xC7)
               : n.waits     ? QColor(0xE6, 0xDC, 0xF5)
                             : QColor(Qt::white));
    p.drawRoundedRect(r, 3, 3);
    p.setPen(Qt::black);
    p.setFont(monospace(TextMetrics::nodeFontSize));
    QString text = qt(n.text());
    for (const std::string& d : n.details) {
        text += QLatin1Char('\n') + qt(d);
    }
    p.drawText(r, Qt::AlignCenter, text);
}

namespace {

void paintLegend(QPainter& p, const Layout& l) {
    p.setFont(monospace(TextMetrics::labelFontSize));
    for (const LegendEntry& entry : l.legend) {
        const RelationStyle& style = l.styles[entry.style];
        p.setPen(relationPen(style, kEdgeWidth * 1.5));
        p.drawLine(qt(entry.lineStart), qt(entry.lineEnd));
        p.setPen(Qt::black);
        p.drawText(qt(entry.textStart), qt(style.relation));
    }
    for (const Note& note : l.notes) {
        p.drawText(qt(note.start), qt(note.text));
    }
}

void paintHeading(QPainter& p, const Layout& l) {
    if (!l.title.empty()) {
        p.setPen(Qt::black);
        p.setFont(monospace(TextMetrics::titleFontSize, true));
        p.drawText(qt(l.titleStart), qt(l.title));
    }
    p.setFont(monospace(TextMetrics::nodeFontSize, true));
    for (const ColumnHeader& h : l.headers) {
        p.setPen(Qt::black);
        const double w = std::max(80.0, double(h.title.size()) * TextMetrics::nodeCharWidth + 8);
        p.drawText(QRectF(h.center.x - w / 2, h.center.y - 10, w, 20), Qt::AlignCenter,
                   qt(h.title));
    }
}

}  // namespace

void paintBackdrop(QPainter& p, const Layout& l) {
    paintHeading(p, l);
    paintLegend(p, l);
}

void paintLayout(QPainter& p, const Layout& l) {
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRectF(0, 0, l.width, l.height), Qt::white);
    paintHeading(p, l);
    for (const EdgeShape& e : l.edges) {
        paintEdge(p, l, e);
    }
    for (const NodeBox& n : l.nodes) {
        paintNode(p, n);
    }
    for (const EdgeShape& e : l.edges) {
        paintEdgeLabel(p, l, e);
    }
    paintLegend(p, l);
}

}  // namespace memx::render
