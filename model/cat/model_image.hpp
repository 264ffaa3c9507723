// A loaded model saved in binary form, so that the built-in models are parsed, resolved and
// dry-run once, at build time, instead of at the start of every process (docs/startup.md).
//
// An image names the files it was made from (memx's standard library, the .bell, the .cat
// and what it includes) with a hash of each one's text. Reading it re-reads those files and
// compares the hashes: an edited model file makes the image stale, and its reader returns
// null so that the caller loads the text instead. The image's own bytes carry a checksum,
// so a damaged file is never evaluated.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/cat/model.hpp"

namespace memx::cat {

// The bytes of `model`'s image. Every file the model was read from must lie in `modelsDir`
// (the image stores paths relative to it, so it stays valid when the folder is installed
// elsewhere), except memx's standard library, which is compiled in. Returns nullopt, with
// the reason in `why`, when a file lies elsewhere or cannot be read.
std::optional<std::string> writeModelImage(const Model& model,
                                           const std::filesystem::path& modelsDir,
                                           std::string& why);

// The model saved in `bytes`, its file names made absolute against `modelsDir`, or null when
// the bytes are not a whole, undamaged image of this format, when `variants` differ from
// those the image was made with, or when a file it was made from no longer hashes the same.
std::shared_ptr<const Model> readModelImage(std::string_view bytes,
                                            const std::filesystem::path& modelsDir,
                                            const LoadOptions& options);

// The checksum an image carries of the bytes after its first line and the checksum itself
// (for tests that damage an image and want to get past the checksum).
std::uint64_t modelImageChecksum(std::string_view body);

// The image file of a model file: `lkmm.cat` -> `lkmm.catc`, beside it.
std::filesystem::path modelImagePath(const std::filesystem::path& catFile);

// readModelImage on the file modelImagePath(catFile), whose folder is the models folder.
// Null when it is absent, unreadable, or readModelImage refuses it.
std::shared_ptr<const Model> loadModelImage(const std::filesystem::path& catFile,
                                            const LoadOptions& options);

}  // namespace memx::cat
