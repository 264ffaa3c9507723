#include "model/events/struct_layout.hpp"

#include <algorithm>

namespace memx::model {

const FieldLayout* StructLayout::field(const std::string& fieldName) const {
    for (const FieldLayout& f : fields) {
        if (f.name == fieldName) {
            return &f;
        }
    }
    return nullptr;
}

std::string structTag(const std::string& base) {
    return base.starts_with("struct ") ? base.substr(7) : std::string();
}

const StructLayout* StructLayouts::find(const std::string& tag) const {
    for (const auto& l : layouts_) {
        if (l->name == tag) {
            return l.get();
        }
    }
    return nullptr;
}

const StructLayout* StructLayouts::structOf(const litmus::Type& type) const {
    const std::string tag = structTag(type.base);
    return tag.empty() ? nullptr : find(tag);
}

std::uint32_t StructLayouts::sizeOf(const litmus::Type& type) const {
    std::uint32_t element = objectTypeOf(type).size;
    if (const StructLayout* s = structOf(type); s != nullptr && type.pointerDepth == 0) {
        element = s->size;
    }
    return static_cast<std::uint32_t>(element * type.arrayLength.value_or(1));
}

std::optional<StructLayouts> StructLayouts::build(const litmus::Program& program,
                                                  const std::string& fileName,
                                                  DiagnosticSink& sink) {
    StructLayouts out;
    bool ok = true;
    for (const litmus::StructDecl& decl : program.structs) {
        if (out.find(decl.name)) {
            sink.error(fileName, decl.loc.range, "struct " + decl.name + " is declared twice");
            ok = false;
            continue;
        }
        auto layout = std::make_unique<StructLayout>();
        layout->name = decl.name;
        std::uint32_t offset = 0;
        for (const litmus::FieldDecl& f : decl.fields) {
            FieldLayout fl;
            fl.name = f.name;
            fl.elementType = f.type;
            fl.elementType.arrayLength.reset();
            fl.pointerDepth = f.type.pointerDepth;
            fl.isArray = f.type.arrayLength.has_value();
            fl.count = static_cast<std::uint32_t>(f.type.arrayLength.value_or(1));
            std::uint32_t align = 0;
            const std::string tag = structTag(f.type.base);
            if (layout->field(f.name)) {
                sink.error(fileName, f.loc.range,
                           "struct " + decl.name + " has two fields named '" + f.name + "'");
                ok = false;
                continue;
            }
            if (!tag.empty() && f.type.pointerDepth == 0) {
                fl.nested = out.find(tag);
                if (!fl.nested) {
                    sink.error(
                        fileName, f.loc.range,
                        "unknown struct '" + tag + "': declare it before struct " + decl.name);
                    ok = false;
                    continue;
                }
                fl.elementSize = fl.nested->size;
                align = fl.nested->align;
            } else if (!tag.empty() || f.type.pointerDepth > 0) {
                fl.scalar = ScalarType{8, false};
                fl.elementSize = 8;
                align = 8;
            } else {
                fl.scalar = scalarOf(f.type.base);
                fl.elementSize = fl.scalar.size;
                align = fl.scalar.size;
            }
            if (fl.count == 0) {
                sink.error(fileName, f.loc.range, "field '" + f.name + "' has no elements");
                ok = false;
                continue;
            }
            offset = (offset + align - 1) / align * align;
            fl.offset = offset;
            offset += fl.elementSize * fl.count;
            layout->align = std::max(layout->align, align);
            layout->fields.push_back(std::move(fl));
        }
        if (decl.fields.empty()) {
            sink.error(fileName, decl.loc.range, "struct " + decl.name + " has no fields");
            ok = false;
        }
        layout->size = (offset + layout->align - 1) / layout->align * layout->align;
        out.layouts_.push_back(std::move(layout));
    }
    if (!ok) {
        return std::nullopt;
    }
    return out;
}

namespace {

void addLeaves(const StructLayout& layout, const std::string& prefix, std::uint32_t base,
               std::vector<FieldLeaf>& out) {
    for (const FieldLayout& f : layout.fields) {
        const std::string path = prefix + f.name;
        if (f.nested && !f.isArray) {
            addLeaves(*f.nested, path + ".", base + f.offset, out);
        } else if (!f.nested) {
            out.push_back(FieldLeaf{path, base + f.offset, f.elementSize, f.count,
                                    f.pointerDepth == 0 && f.scalar.isSigned});
        }
    }
}

}  // namespace

std::vector<FieldLeaf> leavesOf(const StructLayout& layout) {
    std::vector<FieldLeaf> out;
    addLeaves(layout, "", 0, out);
    return out;
}

}  // namespace memx::model
