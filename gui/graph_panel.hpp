// The graph view of the selected execution: a QGraphicsView (wheel zoom with Ctrl, drag to pan,
// fit) beside a list with a checkbox per relation (po, rf, co, fr and every relation of the
// model that has a pair in this execution). The relations switched on are kept across
// executions and runs, so a user exploring ppo keeps seeing ppo.
#pragma once

#include <QGraphicsView>
#include <QWidget>
#include <memory>
#include <set>
#include <string>

#include "gui/execution_figure.hpp"
#include "render/layout.hpp"

class QListWidget;
class QListWidgetItem;
class QGraphicsScene;
class QLabel;

namespace memx::gui {

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(QGraphicsScene* scene, QWidget* parent = nullptr);
    double zoom() const;

public slots:
    void zoomIn();
    void zoomOut();
    void fit();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    bool autoFit_ = true;  // keep fitting on resize until the user zooms
};

class GraphPanel : public QWidget {
    Q_OBJECT
public:
    explicit GraphPanel(QWidget* parent = nullptr);

    // Shows `figure` (null: nothing) with the current relation choice.
    void setFigure(std::shared_ptr<const ExecutionFigure> figure, const std::string& title);
    std::shared_ptr<const ExecutionFigure> figure() const { return figure_; }
    // The layout on screen (null when none): what Export writes.
    std::shared_ptr<const render::Layout> layout() const { return layout_; }

    const std::set<std::string>& visibleRelations() const { return visible_; }
    void setVisibleRelations(std::set<std::string> names);
    void setRelationVisible(const std::string& name, bool on);
    // The relations the list offers for the current execution, in list order.
    std::vector<std::string> offeredRelations() const;

    QGraphicsScene* scene() const { return scene_; }
    GraphView* view() const { return view_; }

signals:
    void visibleRelationsChanged();

private:
    void rebuildList();
    void redraw();
    void onItemChanged(QListWidgetItem* item);

    QGraphicsScene* scene_;
    GraphView* view_;
    QListWidget* relations_;
    QLabel* note_;
    std::shared_ptr<const ExecutionFigure> figure_;
    std::shared_ptr<const render::Layout> layout_;
    std::string title_;
    std::set<std::string> visible_;
    bool rebuilding_ = false;
};

}  // namespace memx::gui
