// Crossroads UI: the scene as JSON for the page (web/a11y.js renders it; tests read it).
#include "scene.h"

#include <nlohmann/json.hpp>

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
    using Json = nlohmann::json;
    Json items = Json::array();
    for (const SceneItem& it : scene.items) {
        Json j = {{"part", part_name(it.part)},
                  {"x", it.rect_min.x}, {"y", it.rect_min.y}, {"w", it.rect_max.x - it.rect_min.x}, {"h", it.rect_max.y - it.rect_min.y}};
        if (it.part == Part::Heading) j["level"] = it.level;
        if (it.part == Part::Cell) {
            j["table"] = it.table;
            j["row"] = it.level;
            j["column"] = it.column;
        }
        if (!it.region.empty()) j["region"] = it.region;
        if (!it.name.empty()) j["name"] = it.name;
        if (it.part == Part::Control) {
            j["id"] = it.id;
            j["role"] = role_name(it.role);
            j["disabled"] = it.disabled;
            if (it.role == Role::Radio || it.role == Role::Checkbox) {
                j["group"] = it.group;
                j["checked"] = it.checked;
            }
            if (it.role == Role::Disclosure) j["expanded"] = it.checked;
            if (it.role == Role::Slider) {
                j["min"] = it.min;
                j["max"] = it.max;
                j["step"] = it.step;
                j["value"] = it.value;
                j["value_text"] = it.value_text;
            }
        }
        Json runs = Json::array();
        for (const TextRun& r : it.runs) {
            Json run = {{"text", r.text}, {"x", r.min.x}, {"y", r.min.y}, {"w", r.max.x - r.min.x}, {"h", r.max.y - r.min.y},
                        {"font", font_name(r.font)}, {"size", r.size}};
            if (!r.href.empty()) run["href"] = r.href;
            runs.push_back(std::move(run));
        }
        j["runs"] = runs;
        items.push_back(std::move(j));
    }
    Json out = {{"screen", scene.screen}, {"announce", scene.announce}, {"items", items}};
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ui
