// Crossroads UI: the scene as JSON for the page (web/a11y.js renders it; tests read it).
#include "scene.h"

#include <cstdio>

#include "core/json_doc.h"

namespace ui {

namespace {

const char* part_name(Part p) {
    static const char* names[] = {"heading", "paragraph", "listitem", "cell", "code", "figure", "note", "status", "control"};
    return names[static_cast<int>(p)];
}
const char* role_name(Role r) {
    static const char* names[] = {"", "button", "radio", "checkbox", "slider", "disclosure"};
    return names[static_cast<int>(r)];
}
const char* font_name(FontRole f) {
    static const char* names[] = {"body", "bold", "title", "small", "mono"};
    return names[static_cast<int>(f)];
}

}  // namespace

std::string scene_json(const Scene& scene) {
    // The core's JSON type (one instantiation of nlohmann's templates in the wasm). It keeps keys in the order they
    // are set, and they are set in alphabetical order, the order the scene has always been written in.
    using cr::Json;
    Json items = Json::array();
    for (const SceneItem& it : scene.items) {
        const bool cell = it.part == Part::Cell, control = it.part == Part::Control;
        const bool choice = control && (it.role == Role::Radio || it.role == Role::Checkbox);
        const bool slider = control && it.role == Role::Slider;
        Json runs = Json::array();
        for (const TextRun& r : it.runs) {
            Json run = {{"font", font_name(r.font)}, {"h", r.max.y - r.min.y}};
            if (!r.href.empty()) run["href"] = r.href;
            if (r.joined) run["joined"] = true;
            run["size"] = r.size;
            run["text"] = r.text;
            run["w"] = r.max.x - r.min.x;
            run["x"] = r.min.x;
            run["y"] = r.min.y;
            runs.push_back(std::move(run));
        }
        Json shapes = Json::array();
        for (const Shape& s : it.shapes) {
            Json shape = Json::object();
            if (s.border > 0) shape["border"] = s.border;
            shape["h"] = s.max.y - s.min.y;
            shape["r"] = s.radius;
            shape["tone"] = tone_name(s.tone);
            shape["w"] = s.max.x - s.min.x;
            shape["x"] = s.min.x;
            shape["y"] = s.min.y;
            shapes.push_back(std::move(shape));
        }
        Json j = Json::object();
        if (choice) j["checked"] = it.checked;
        if (cell) j["column"] = it.column;
        if (control) j["disabled"] = it.disabled;
        if (control && it.role == Role::Disclosure) j["expanded"] = it.checked;
        if (choice) j["group"] = it.group;
        j["h"] = it.rect_max.y - it.rect_min.y;
        if (control) j["id"] = it.id;
        if (it.part == Part::Heading) j["level"] = it.level;
        if (slider) {
            j["max"] = it.max;
            j["min"] = it.min;
        }
        if (!it.name.empty()) j["name"] = it.name;
        j["part"] = part_name(it.part);
        if (!it.region.empty()) j["region"] = it.region;
        if (control) j["role"] = role_name(it.role);
        if (cell) j["row"] = it.level;
        j["runs"] = std::move(runs);
        if (!shapes.empty()) j["shapes"] = std::move(shapes);
        if (slider) j["step"] = it.step;
        if (cell) j["table"] = it.table;
        if (slider) {
            j["value"] = it.value;
            j["value_text"] = it.value_text;
        }
        j["w"] = it.rect_max.x - it.rect_min.x;
        j["x"] = it.rect_min.x;
        j["y"] = it.rect_min.y;
        items.push_back(std::move(j));
    }
    Json palette = Json::object();
    for (int t = 0; t < static_cast<int>(Tone::Count); ++t) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "#%06x", scene.palette[t] & 0xFFFFFFu);
        palette[tone_name(static_cast<Tone>(t))] = hex;
    }
    Json out = {{"announce", scene.announce}, {"items", std::move(items)}, {"palette", std::move(palette)},
                {"screen", scene.screen}};
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ui
