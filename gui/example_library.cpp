#include "gui/example_library.hpp"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <algorithm>
#include <tuple>

namespace memx::gui {

QString exampleLibraryDir(const QString& programDir) {
    return QDir::cleanPath(programDir + QStringLiteral("/../share/memx/library"));
}

std::vector<Example> findExamples(const QString& libraryDir) {
    std::vector<Example> out;
    const QDir root(libraryDir);
    QDirIterator it(libraryDir, {QStringLiteral("*.litmus")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        QString group = root.relativeFilePath(file.absolutePath());
        if (group == QLatin1String(".")) {
            group.clear();
        }
        out.push_back({group, file.completeBaseName(), file.absoluteFilePath()});
    }
    std::sort(out.begin(), out.end(), [](const Example& a, const Example& b) {
        return std::tie(a.group, a.name) < std::tie(b.group, b.name);
    });
    return out;
}

}  // namespace memx::gui
