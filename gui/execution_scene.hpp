// A render::Layout as QGraphicsItems: one EventItem per event and one EdgeItem per drawn edge,
// plus one backdrop item (title, thread headers, legend). Items take every coordinate from the
// Layout and paint with render/painter's functions, so the scene shows exactly the figure
// `memx graph` writes. Items are thin, as in Qt's elasticnodes example: no layout in them.
#pragma once

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <memory>

#include "model/execution_graph.hpp"
#include "render/layout.hpp"

namespace memx::gui {

class EventItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    EventItem(std::shared_ptr<const render::Layout> layout, const render::NodeBox& node,
              const model::EventInfo& info);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    model::EventIndex event() const { return node_.event; }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    std::shared_ptr<const render::Layout> layout_;  // keeps node_ alive
    const render::NodeBox& node_;
    bool hovered_ = false;
};

class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };
    EdgeItem(std::shared_ptr<const render::Layout> layout, const render::EdgeShape& edge);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;  // the stroked curve and the label: what hovers
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    const std::string& relation() const { return edge_.relation; }

private:
    std::shared_ptr<const render::Layout> layout_;
    const render::EdgeShape& edge_;
    QPainterPath curve_;
};

class BackdropItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };
    explicit BackdropItem(std::shared_ptr<const render::Layout> layout);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    std::shared_ptr<const render::Layout> layout_;
};

// Fills `scene` (cleared first) with `layout`; `graph` supplies the events' details for tooltips.
void populateScene(QGraphicsScene& scene, std::shared_ptr<const render::Layout> layout,
                   const model::ExecutionGraph& graph);

// The tooltip of an event: name, thread, kind, tags, location, value.
QString eventDetails(const render::NodeBox& node, const model::EventInfo& info);

}  // namespace memx::gui
