#include "gui/graph_panel.hpp"

#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

#include "gui/execution_scene.hpp"
#include "gui/worker_pool.hpp"

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
    if (!scene() || scene()->sceneRect().isEmpty()) {
        return;
    }
    const QRectF r = scene()->sceneRect();
    fitInView(r, Qt::KeepAspectRatio);
    if (zoom() < kMinFitScale) {
        // Too large to fit legibly: the smallest legible scale, from the top left.
        setTransform(QTransform::fromScale(kMinFitScale, kMinFitScale));
        ensureVisible(QRectF(r.topLeft(), QSizeF(1, 1)), 0, 0);
    }
}

void GraphView::mouseDoubleClickEvent(QMouseEvent* event) {
    const QGraphicsItem* item = itemAt(event->pos());
    if (item && item->type() == EventItem::Type) {
        emit eventDoubleClicked();
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
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
      search_(new QLineEdit(this)),
      relations_(new QTreeWidget(this)),
      bytesButton_(new QToolButton(this)),
      note_(new QLabel(this)) {
    for (const auto& name : defaultVisibleRelations()) {
        visible_.insert(name);
    }
    relations_->setToolTip(tr("Relations to draw"));
    relations_->setHeaderHidden(true);
    relations_->setRootIsDecorated(true);
    search_->setPlaceholderText(tr("Search model relations"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, this, &GraphPanel::setRelationFilter);
    connect(relations_, &QTreeWidget::itemChanged, this,
            [this](QTreeWidgetItem* item, int) { onItemChanged(item); });
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(search_);
    sideLayout->addWidget(relations_, 1);
    side->setMaximumWidth(220);

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
    button(tr("Fit"), tr("Fit the graph in the view, at a legible scale at least"),
           &GraphView::fit);
    bytesButton_->setText(tr("Bytes"));
    bytesButton_->setCheckable(true);
    bytesButton_->setEnabled(false);
    bytesButton_->setToolTip(
        tr("Byte-granular tests: one box per byte event instead of one per access (or double "
           "click a box)"));
    connect(bytesButton_, &QToolButton::toggled, this, &GraphPanel::setShowsBytes);
    buttons->addWidget(bytesButton_);
    buttons->addWidget(note_, 1);
    connect(view_, &GraphView::eventDoubleClicked, this, [this] {
        if (figure_ && figure_->byteGranular) {
            setShowsBytes(!bytes_);
        }
    });
    connect(&watcher_, &QFutureWatcherBase::finished, this, &GraphPanel::onLayoutFinished);

    auto* right = new QVBoxLayout;
    right->addLayout(buttons);
    right->addWidget(view_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(side);
    layout->addLayout(right, 1);
}

void GraphPanel::setFigure(std::shared_ptr<const ExecutionFigure> figure,
                           const std::string& title) {
    maker_ = nullptr;
    makerId_ = 0;
    adoptFigure(std::move(figure));
    title_ = title;
    fitNext_ = true;
    redraw();
}

void GraphPanel::setFigureAsync(FigureMaker make, const std::string& title) {
    maker_ = std::move(make);
    makerId_ = ++makers_;
    title_ = title;
    fitNext_ = true;
    redraw();
}

void GraphPanel::adoptFigure(std::shared_ptr<const ExecutionFigure> figure) {
    figure_ = std::move(figure);
    bytesButton_->setEnabled(figure_ && figure_->byteGranular);
    rebuildList();
}

void GraphPanel::setShowsBytes(bool on) {
    if (bytes_ == on) {
        return;
    }
    bytes_ = on;
    bytesButton_->setChecked(on);
    fitNext_ = true;
    redraw();
}

void GraphPanel::setRelationFilter(const QString& text) {
    if (search_->text() != text) {
        search_->setText(text);  // comes back here through textChanged
        return;
    }
    if (!modelGroup_) {
        return;
    }
    for (int i = 0; i < modelGroup_->childCount(); ++i) {
        QTreeWidgetItem* item = modelGroup_->child(i);
        item->setHidden(!text.isEmpty() && !item->text(0).contains(text, Qt::CaseInsensitive));
    }
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
    baseGroup_ = new QTreeWidgetItem(relations_, {tr("Base relations")});
    modelGroup_ = new QTreeWidgetItem(relations_, {tr("Model relations")});
    for (QTreeWidgetItem* group : {baseGroup_, modelGroup_}) {
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
    }
    for (const auto& name : offeredRelations()) {
        auto* item = new QTreeWidgetItem(isBaseRelation(name) ? baseGroup_ : modelGroup_,
                                         {QString::fromStdString(name)});
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(0, visible_.count(name) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(0, tr("%1: %2 pairs in this execution")
                                .arg(QString::fromStdString(name))
                                .arg(figure_->relations.at(name).count()));
    }
    modelGroup_->setText(0, tr("Model relations (%1)").arg(modelGroup_->childCount()));
    baseGroup_->setExpanded(true);
    modelGroup_->setExpanded(true);
    rebuilding_ = false;
    setRelationFilter(search_->text());
}

void GraphPanel::onItemChanged(QTreeWidgetItem* item) {
    if (rebuilding_ || !item->parent()) {
        return;
    }
    const std::string name = item->text(0).toStdString();
    if (item->checkState(0) == Qt::Checked) {
        visible_.insert(name);
    } else {
        visible_.erase(name);
    }
    redraw();
    emit visibleRelationsChanged();
}

void GraphPanel::redraw() {
    ++generation_;
    if (!figure_ && !maker_) {
        scene_->clear();
        layout_.reset();
        note_->clear();
        pending_ = watcher_.isRunning();
        return;
    }
    pending_ = true;
    if (watcher_.isRunning()) {
        return;  // onLayoutFinished starts the latest request
    }
    running_ = generation_;
    auto draw = [make = maker_, maker = makerId_, figure = figure_, visible = visible_,
                 title = title_, bytes = bytes_]() -> Drawn {
        Drawn out;
        out.maker = maker;
        try {
            out.figure = make ? make() : figure;
            if (out.figure) {
                out.layout = std::make_shared<const FigureLayout>(
                    layoutFigure(*out.figure, visible, title, bytes));
            }
        } catch (const std::exception&) {
            out.layout.reset();
        }
        return out;
    };
    watcher_.setFuture(QtConcurrent::run(&workerPool(), std::move(draw)));
}

void GraphPanel::onLayoutFinished() {
    Drawn result = watcher_.result();
    const bool made = result.maker != 0 && result.maker == makerId_;
    if (made) {
        // The figure the latest maker asked for: keep it, whatever else changed meanwhile.
        maker_ = nullptr;
        makerId_ = 0;
        adoptFigure(result.figure);
    }
    if (running_ != generation_) {
        // A newer figure or choice came while this one was computed: compute that instead.
        if (figure_ || maker_) {
            --generation_;  // redraw counts it again
            redraw();
        } else {
            pending_ = false;
        }
        return;
    }
    pending_ = false;
    if (!result.layout || !figure_) {
        scene_->clear();
        layout_.reset();
        note_->setText(figure_ || made ? tr("cannot draw this execution") : QString());
        emit layoutReady();
        return;
    }
    layout_ = std::shared_ptr<const render::Layout>(result.layout, &result.layout->layout);
    populateScene(*scene_, layout_, result.layout->graph);
    note_->setText(layout_->eventsNote.empty()
                       ? QString()
                       : tr("highlighted: %1").arg(QString::fromStdString(layout_->eventsNote)));
    if (fitNext_) {
        fitNext_ = false;
        view_->fit();
    }
    emit layoutReady();
}

}  // namespace memx::gui
