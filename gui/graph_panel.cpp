#include "gui/graph_panel.hpp"

#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QResizeEvent>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <cmath>

#include "gui/execution_scene.hpp"

namespace memx::gui {

GraphView::GraphView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHint(QPainter::Antialiasing);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundBrush(QColor(0xF7, 0xF7, 0xF7));
}

double GraphView::zoom() const {
    return transform().m11();
}

void GraphView::zoomIn() {
    autoFit_ = false;
    if (zoom() < 8) {
        scale(1.25, 1.25);
    }
}

void GraphView::zoomOut() {
    autoFit_ = false;
    if (zoom() > 0.1) {
        scale(0.8, 0.8);
    }
}

void GraphView::fit() {
    autoFit_ = true;
    if (scene() && !scene()->sceneRect().isEmpty()) {
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    }
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (autoFit_) {
        fit();
    }
}

void GraphView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

GraphPanel::GraphPanel(QWidget* parent)
    : QWidget(parent),
      scene_(new QGraphicsScene(this)),
      view_(new GraphView(scene_, this)),
      relations_(new QListWidget(this)),
      note_(new QLabel(this)) {
    for (const auto& name : defaultVisibleRelations()) {
        visible_.insert(name);
    }
    relations_->setToolTip(tr("Relations to draw"));
    relations_->setMaximumWidth(200);
    connect(relations_, &QListWidget::itemChanged, this, &GraphPanel::onItemChanged);

    auto* buttons = new QHBoxLayout;
    auto button = [&](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, view_, slot);
        buttons->addWidget(b);
    };
    button(tr("+"), tr("Zoom in (Ctrl+wheel)"), &GraphView::zoomIn);
    button(tr("-"), tr("Zoom out (Ctrl+wheel)"), &GraphView::zoomOut);
    button(tr("Fit"), tr("Fit the graph in the view"), &GraphView::fit);
    buttons->addWidget(note_, 1);

    auto* right = new QVBoxLayout;
    right->addLayout(buttons);
    right->addWidget(view_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(relations_);
    layout->addLayout(right, 1);
}

void GraphPanel::setFigure(std::shared_ptr<const ExecutionFigure> figure,
                           const std::string& title) {
    figure_ = std::move(figure);
    title_ = title;
    rebuildList();
    redraw();
    view_->fit();
}

std::vector<std::string> GraphPanel::offeredRelations() const {
    return figure_ ? figure_->order : std::vector<std::string>{};
}

void GraphPanel::setVisibleRelations(std::set<std::string> names) {
    visible_ = std::move(names);
    rebuildList();
    redraw();
    emit visibleRelationsChanged();
}

void GraphPanel::setRelationVisible(const std::string& name, bool on) {
    auto names = visible_;
    if (on) {
        names.insert(name);
    } else {
        names.erase(name);
    }
    setVisibleRelations(std::move(names));
}

void GraphPanel::rebuildList() {
    rebuilding_ = true;
    relations_->clear();
    for (const auto& name : offeredRelations()) {
        auto* item = new QListWidgetItem(QString::fromStdString(name), relations_);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(visible_.count(name) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(tr("%1: %2 pairs in this execution")
                             .arg(QString::fromStdString(name))
                             .arg(figure_->relations.at(name).count()));
    }
    rebuilding_ = false;
}

void GraphPanel::onItemChanged(QListWidgetItem* item) {
    if (rebuilding_) {
        return;
    }
    const std::string name = item->text().toStdString();
    if (item->checkState() == Qt::Checked) {
        visible_.insert(name);
    } else {
        visible_.erase(name);
    }
    redraw();
    emit visibleRelationsChanged();
}

void GraphPanel::redraw() {
    if (!figure_) {
        scene_->clear();
        layout_.reset();
        note_->clear();
        return;
    }
    layout_ = std::make_shared<const render::Layout>(layoutFigure(*figure_, visible_, title_));
    populateScene(*scene_, layout_, figure_->graph);
    note_->setText(
        figure_->highlight.events.empty()
            ? QString()
            : tr("highlighted: %1").arg(QString::fromStdString(figure_->highlight.eventsNote)));
}

}  // namespace memx::gui
