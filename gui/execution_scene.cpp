#include "gui/execution_scene.hpp"

#include <QPainter>
#include <QPainterPathStroker>

#include "render/painter.hpp"

namespace memx::gui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QRectF nodeRect(const render::NodeBox& n) {
    return {n.center.x - n.width / 2, n.center.y - n.height / 2, n.width, n.height};
}

QString nodeName(const render::Layout& l, model::EventIndex e) {
    const render::NodeBox* n = l.nodeFor(e);
    return n ? qs(n->name) : QString::number(e);
}

}  // namespace

QString eventDetails(const render::NodeBox& node, const model::EventInfo& info) {
    QStringList lines;
    lines << QStringLiteral("%1: %2").arg(qs(node.name), qs(node.label));
    lines << (info.thread < 0 ? QStringLiteral("initial write")
                              : QStringLiteral("thread P%1, program-order index %2")
                                    .arg(info.thread)
                                    .arg(info.poIndex));
    lines << QStringLiteral("kind: %1").arg(qs(info.kind));
    QStringList tags;
    for (const auto& t : info.tags) {
        tags << qs(t);
    }
    lines << QStringLiteral("tags: %1")
                 .arg(tags.isEmpty() ? QStringLiteral("none") : tags.join(QStringLiteral(", ")));
    if (!info.location.empty()) {
        lines << QStringLiteral("location: %1").arg(qs(info.location));
    }
    if (info.value) {
        lines << QStringLiteral("value: %1").arg(*info.value);
    }
    if (node.highlighted) {
        lines << QStringLiteral("highlighted (a raised flag involves it)");
    }
    if (node.waits) {
        lines << QStringLiteral(
            "a wait's last read: it reads the final write, so its thread reads it again "
            "forever with the same result");
    }
    return lines.join(QLatin1Char('\n'));
}

EventItem::EventItem(std::shared_ptr<const render::Layout> layout, const render::NodeBox& node,
                     const model::EventInfo& info)
    : layout_(std::move(layout)), node_(node) {
    setToolTip(eventDetails(node, info));
    setAcceptHoverEvents(true);
    setZValue(2);
}

QRectF EventItem::boundingRect() const {
    return nodeRect(node_).adjusted(-3, -3, 3, 3);  // the highlight's thick border
}

void EventItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    render::paintNode(*painter, node_);
    if (hovered_) {
        painter->setPen(QPen(QColor(0x56, 0xB4, 0xE9), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(nodeRect(node_).adjusted(-2, -2, 2, 2), 4, 4);
    }
}

void EventItem::hoverEnterEvent(QGraphicsSceneHoverEvent*) {
    hovered_ = true;
    update();
}

void EventItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*) {
    hovered_ = false;
    update();
}

EdgeItem::EdgeItem(std::shared_ptr<const render::Layout> layout, const render::EdgeShape& edge)
    : layout_(std::move(layout)), edge_(edge) {
    curve_.moveTo(edge.start().x, edge.start().y);
    for (std::size_t i = 1; i + 2 < edge.path.size(); i += 3) {
        curve_.cubicTo(edge.path[i].x, edge.path[i].y, edge.path[i + 1].x, edge.path[i + 1].y,
                       edge.path[i + 2].x, edge.path[i + 2].y);
    }
    setToolTip(QStringLiteral("%1 -%2-> %3%4")
                   .arg(nodeName(*layout_, edge.from), qs(edge.label()),
                        nodeName(*layout_, edge.to),
                        edge.inCycle ? QStringLiteral(" (in the highlighted cycle)") : QString()));
    setAcceptHoverEvents(true);
    setZValue(edge.inCycle ? 1.5 : 1);
}

QRectF EdgeItem::boundingRect() const {
    QRectF r = curve_.boundingRect();
    for (const auto& p : edge_.arrowHead) {
        r |= QRectF(p.x - 1, p.y - 1, 2, 2);
    }
    r |= QRectF(edge_.labelCenter.x - edge_.labelWidth / 2,
                edge_.labelCenter.y - edge_.labelHeight / 2, edge_.labelWidth, edge_.labelHeight);
    return r.adjusted(-4, -4, 4, 4);
}

QPainterPath EdgeItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath s = stroker.createStroke(curve_);
    s.addRect(QRectF(edge_.labelCenter.x - edge_.labelWidth / 2,
                     edge_.labelCenter.y - edge_.labelHeight / 2, edge_.labelWidth,
                     edge_.labelHeight));
    return s;
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    render::paintEdge(*painter, *layout_, edge_);
    render::paintEdgeLabel(*painter, *layout_, edge_);
}

BackdropItem::BackdropItem(std::shared_ptr<const render::Layout> layout)
    : layout_(std::move(layout)) {
    setZValue(0);
}

QRectF BackdropItem::boundingRect() const {
    return {0, 0, layout_->width, layout_->height};
}

void BackdropItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->fillRect(boundingRect(), Qt::white);
    render::paintBackdrop(*painter, *layout_);
}

void populateScene(QGraphicsScene& scene, std::shared_ptr<const render::Layout> layout,
                   const model::ExecutionGraph& graph) {
    scene.clear();
    scene.addItem(new BackdropItem(layout));
    for (const render::EdgeShape& e : layout->edges) {
        scene.addItem(new EdgeItem(layout, e));
    }
    for (const render::NodeBox& n : layout->nodes) {
        model::EventInfo info =
            n.event < graph.events.size() ? graph.events[n.event] : model::EventInfo{};
        scene.addItem(new EventItem(layout, n, info));
    }
    scene.setSceneRect(0, 0, layout->width, layout->height);
}

}  // namespace memx::gui
