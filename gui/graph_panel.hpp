// The graph view of the selected execution: a QGraphicsView (wheel zoom with Ctrl, drag to pan,
// fit) beside the relations it can draw: the base relations (po, rf, co, fr, addr, data, ctrl,
// rmw) in one group, the relations the model derives under "Model relations", with a search
// field. The relations switched on are kept across executions and runs, so a user exploring
// ppo keeps seeing ppo. Byte-granular executions are drawn one box per access; "Bytes" (or a
// double click on a box) shows the byte-level graph.
//
// The layout is computed on a worker thread (issue 16): a large figure never stalls the
// window. layout() is the one on screen; layoutPending() says a newer one is on its way, and
// layoutReady() is emitted when it is shown.
#pragma once

#include <QFutureWatcher>
#include <QGraphicsView>
#include <QWidget>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "gui/execution_figure.hpp"
#include "render/layout.hpp"

class QTreeWidget;
class QTreeWidgetItem;
class QGraphicsScene;
class QLabel;
class QLineEdit;
class QToolButton;

namespace memx::gui {

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    // "Fit" never scales below this, so the boxes' 11 px text stays legible (about 9 px); a
    // larger figure is shown at this scale from its top left, and scrolls.
    static constexpr double kMinFitScale = 0.8;

    explicit GraphView(QGraphicsScene* scene, QWidget* parent = nullptr);
    double zoom() const;

public slots:
    void zoomIn();
    void zoomOut();
    void fit();

signals:
    void eventDoubleClicked();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    bool autoFit_ = true;  // keep fitting on resize until the user zooms
};

class GraphPanel : public QWidget {
    Q_OBJECT
public:
    explicit GraphPanel(QWidget* parent = nullptr);

    // Shows `figure` (null: nothing) with the current relation choice.
    void setFigure(std::shared_ptr<const ExecutionFigure> figure, const std::string& title);
    // The same, with the figure itself made on the worker thread too (describeExecution
    // evaluates the model again: tens of milliseconds on a large execution). Until it is
    // ready, figure() and layout() are the previous ones; a null figure shows nothing.
    using FigureMaker = std::function<std::shared_ptr<const ExecutionFigure>()>;
    void setFigureAsync(FigureMaker make, const std::string& title);
    std::shared_ptr<const ExecutionFigure> figure() const { return figure_; }
    // The layout on screen (null when none): what Export writes.
    std::shared_ptr<const render::Layout> layout() const { return layout_; }
    // A layout for the latest figure or relation choice is still being computed.
    bool layoutPending() const { return pending_; }
    // Byte-granular executions: one box per byte event rather than per access.
    bool showsBytes() const { return bytes_; }
    void setShowsBytes(bool on);
    // Shows only the model relations whose names contain `text` (the search field).
    void setRelationFilter(const QString& text);
    QTreeWidget* relationTree() const { return relations_; }

    const std::set<std::string>& visibleRelations() const { return visible_; }
    void setVisibleRelations(std::set<std::string> names);
    void setRelationVisible(const std::string& name, bool on);
    // The relations the list offers for the current execution, in list order.
    std::vector<std::string> offeredRelations() const;

    QGraphicsScene* scene() const { return scene_; }
    GraphView* view() const { return view_; }

signals:
    void visibleRelationsChanged();
    void layoutReady();

private:
    void rebuildList();
    void redraw();
    void onLayoutFinished();
    void onItemChanged(QTreeWidgetItem* item);

    QGraphicsScene* scene_;
    GraphView* view_;
    QLineEdit* search_;
    QTreeWidget* relations_;
    QTreeWidgetItem* baseGroup_ = nullptr;
    QTreeWidgetItem* modelGroup_ = nullptr;
    QToolButton* bytesButton_;
    QLabel* note_;
    std::shared_ptr<const ExecutionFigure> figure_;
    std::shared_ptr<const render::Layout> layout_;
    std::string title_;
    std::set<std::string> visible_;
    bool rebuilding_ = false;
    bool bytes_ = false;
    // The worker computing the latest layout; its result is shown only if no newer request
    // came meanwhile (generation_), and the view fits it when the figure itself changed.
    struct Drawn {
        std::shared_ptr<const ExecutionFigure> figure;  // made by the request's maker, if any
        std::shared_ptr<const FigureLayout> layout;
        std::uint64_t maker = 0;
    };
    QFutureWatcher<Drawn> watcher_;
    std::uint64_t generation_ = 0;
    std::uint64_t running_ = 0;
    bool pending_ = false;
    // setFigureAsync's maker until its figure arrives (makerId_ tells its result apart).
    FigureMaker maker_;
    std::uint64_t makerId_ = 0;
    std::uint64_t makers_ = 0;
    void adoptFigure(std::shared_ptr<const ExecutionFigure> figure);
    bool rerun_ = false;
    bool fitNext_ = false;
};

}  // namespace memx::gui
