// Crossroads core: the page protocol's session snapshot (see protocol.h).
#include "protocol.h"

#include "json_doc.h"
#include "report.h"
#include "scoring.h"

namespace cr {

namespace {

const char* screen_name(Screen s) {
    return s == Screen::Start ? "start" : s == Screen::Question ? "question" : "results";
}

}  // namespace

std::string page_state_json(const Session* session, const std::vector<Diagnostic>& errors, const std::string& source,
                            const PageInfo& info) {
    Json j;
    j["frames"] = info.frames;
    Json list = Json::array();
    for (const auto& d : errors) list.push_back(format_diagnostic(d, source));
    j["errors"] = list;
    if (!session) {
        j["screen"] = "error";
        j["language"] = "en";
        return j.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    const Session& s = *session;
    const Quiz& q = s.quiz();
    j["resume_offered"] = info.resume_offered;
    j["shared"] = info.shared;
    j["adopt_offered"] = info.adopt_offered;
    j["notice"] = info.notice;
    j["status"] = info.status;
    j["language"] = q.language;
    j["quiz"] = q.id;
    j["version"] = q.version;
    j["title"] = q.title;
    j["intro"] = q.intro;
    j["screen"] = screen_name(s.screen());
    j["question"] = s.screen() == Screen::Question ? Json(q.questions[s.current()].id) : Json(nullptr);
    if (s.screen() == Screen::Question) {
        const Question& cq = q.questions[s.current()];
        j["kind"] = kind_name(cq.kind);
        j["prompt"] = cq.prompt;
        j["code"] = cq.code;
        j["section"] = q.sections[cq.section].title;
        j["can_advance"] = s.can_advance();
        if (cq.kind == QuestionKind::Scale) {
            const Answer& ans = s.answer(s.current());
            j["scale"] = {{"min", cq.scale.min}, {"max", cq.scale.max}, {"step", cq.scale.step},
                          {"min_label", cq.scale.min_label}, {"max_label", cq.scale.max_label},
                          {"value", ans.given ? ans.value : cq.scale.initial}};
        }
    }
    j["position"] = s.position();
    j["total"] = s.total();
    const Progress at = s.progress();
    j["progress"] = {{"part", at.part}, {"parts", at.parts}, {"position", at.position}, {"total", at.total}};
    // Answers to questions the reader can see; a hidden branch's answers are kept but not reported.
    Json answers = Json::object();
    const auto visible = visible_questions(q, s.state().answers);
    for (size_t i = 0; i < q.questions.size(); ++i) {
        const Answer& ans = s.answer(static_cast<int>(i));
        if (!ans.given || !visible[i]) continue;
        if (q.questions[i].kind == QuestionKind::Scale) {
            answers[q.questions[i].id] = ans.value;
            continue;
        }
        Json ids = Json::array();
        for (int o : ans.options) ids.push_back(q.questions[i].options[o].id);
        answers[q.questions[i].id] = ids;
    }
    j["answers"] = answers;
    j["result"] = nullptr;
    if (s.screen() == Screen::Results) {
        const Result r = s.result();
        Json result = Json::parse(result_json(q, s.state().answers, r), nullptr, false);
        if (r.decision.chosen >= 0) {
            result["outcome_title"] = q.outcomes[r.decision.chosen].title;
            result["outcome_summary"] = q.outcomes[r.decision.chosen].summary;
        }
        if (r.band >= 0) {
            result["band_title"] = q.bands[r.band].title;
            result["band_feedback"] = q.bands[r.band].feedback;
        }
        j["result"] = result;
    }
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace cr
