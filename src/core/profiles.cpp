// Crossroads core: reader profiles run against a quiz (see profiles.h).
#include "profiles.h"

#include "json_doc.h"
#include "scoring.h"
#include "report.h"

namespace cr {
namespace {

// One profile: "" when it holds, else what came out instead.
std::string check_profile(const Quiz& quiz, const Json& p, ProfileVerdict& v) {
    for (const auto& item : p.items())
        if (item.key() != "name" && item.key() != "source" && item.key() != "answers" && item.key() != "expect" &&
            item.key() != "band" && item.key() != "not" && item.key() != "rule")
            return "unknown key '" + item.key() + "' (a profile has name, source, answers, expect, band, rule, not)";
    auto text = [&](const char* key) { return p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : std::string(); };
    v.name = text("name");
    v.expect = text("expect");
    if (v.name.empty() || v.expect.empty() || !p.contains("answers") || !p["answers"].is_string())
        return "a profile needs \"name\", \"answers\" and \"expect\" as strings";
    Answers answers;
    std::string error;
    if (!parse_answers(quiz, p["answers"].get<std::string>(), answers, error)) return "answers: " + error;
    const Result r = score(quiz, answers);
    const std::string got = r.decision.chosen >= 0 ? quiz.outcomes[r.decision.chosen].id : "(none)";
    std::string problems;
    auto add = [&](const std::string& s) { problems += (problems.empty() ? "" : "; ") + s; };
    if (got != v.expect) add("expected " + v.expect + ", got " + got);
    const std::string band = text("band"), got_band = r.band >= 0 ? quiz.bands[r.band].id : "(skipped)";
    if (!band.empty() && band != got_band) add("expected band " + band + ", got " + got_band);
    const std::string rule = text("rule"), got_rule = r.decision.rule >= 0 ? "rule " + quiz.rules[r.decision.rule].id : "points";
    if (!rule.empty() && "rule " + rule != got_rule) add("expected rule " + rule + " to decide, but " + got_rule + " did");
    if (p.contains("not") && p["not"].is_array())
        for (const auto& n : p["not"])
            if (n.is_string() && n.get<std::string>() == got) add("must not be " + got);
    for (const std::string& note : ignored_answers(quiz, answers)) add(note);
    return problems;
}

}  // namespace

bool run_profiles(const Quiz& quiz, std::string_view text, std::vector<ProfileVerdict>& out, std::string& error) {
    out.clear();
    const Json doc = Json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("profiles") || !doc["profiles"].is_array() || doc["profiles"].empty()) {
        error = "expected {\"profiles\": [...]} with at least one profile";
        return false;
    }
    for (const auto& p : doc["profiles"]) {
        ProfileVerdict v;
        v.problems = p.is_object() ? check_profile(quiz, p, v) : "a profile is an object";
        out.push_back(std::move(v));
    }
    return true;
}

std::string profiles_json(const std::vector<ProfileVerdict>& verdicts, const std::string& error) {
    Json list = Json::array();
    int failed = 0;
    for (const ProfileVerdict& v : verdicts) {
        list.push_back({{"name", v.name}, {"expect", v.expect}, {"pass", v.problems.empty()}, {"problems", v.problems}});
        failed += v.problems.empty() ? 0 : 1;
    }
    const Json out = {{"ok", error.empty()}, {"error", error.empty() ? Json(nullptr) : Json(error)}, {"failed", failed}, {"profiles", list}};
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace cr
