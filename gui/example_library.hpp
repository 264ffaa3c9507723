// The Examples menu's tests: the litmus library memx ships, found where the built-in models are
// found (<program>/../share/memx/library, in a build tree and in an installed prefix alike),
// grouped by folder (lkmm/, c11/). The library holds the classic patterns: MP, SB, LB, IRIW,
// WRC and RCU.
#pragma once

#include <QString>
#include <vector>

namespace memx::gui {

struct Example {
    QString group;  // the folder under the library: "lkmm", "c11"
    QString name;   // the file's base name: "MP+wmb+rmb"
    QString path;
};

// <directory of `program`>/../share/memx/library.
QString exampleLibraryDir(const QString& programDir);

// Every *.litmus under `libraryDir`, sorted by group then name; empty when it does not exist.
std::vector<Example> findExamples(const QString& libraryDir);

}  // namespace memx::gui
