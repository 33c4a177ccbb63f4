// crossroads: the editor's command-line tool. Validates quiz files and scores answers
// with exactly the core the browser app uses. The only place besides src/web that reads files.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/loader.h"
#include "core/report.h"
#include "core/scoring.h"

namespace {

const char* kUsage =
    "Usage:\n"
    "  crossroads validate [--json] FILE...\n"
    "      Checks quiz files and prints every error and warning as file:line:col: error|warning: where: message,\n"
    "      where names ids (question \"built\" \xE2\x80\xBA option \"many\"). --json prints instead, on stdout, a list of\n"
    "      {file, ok, diagnostics: [{severity, line, column, path, where, check, schema_checks, message}]}\n"
    "      (path: the index path; schema_checks: the JSON Schema rejects this class of problem too).\n"
    "      Exit status 0 only when every file is free of errors.\n"
    "  crossroads score FILE --answers q1=a,q2=b+c,q3=7 [--json]\n"
    "      Scores one set of answers (question=option, '+' joins several options, a scale takes a number)\n"
    "      and prints the recommendation and why, as text or as JSON.\n"
    "  crossroads --help | crossroads COMMAND --help\n";

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

bool wants_help(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) return true;
    return false;
}

// Reads a quiz file, saying so on stderr when it cannot.
bool read_quiz_file(const std::string& path, std::string& text) {
    if (read_file(path, text)) return true;
    std::fprintf(stderr, "%s: error: cannot read the file (does it exist?)\n", path.c_str());
    return false;
}

// Loads and reports; returns false when the file is missing or has errors.
bool load(const std::string& path, cr::LoadResult& result, bool print_warnings) {
    std::string text;
    if (!read_quiz_file(path, text)) return false;
    result = cr::load_quiz(text);
    for (const auto& d : result.diagnostics)
        if (print_warnings || d.severity == cr::Severity::Error)
            std::fprintf(stderr, "%s\n", cr::format_diagnostic(d, path).c_str());
    return result.ok;
}

// One file's entry in `validate --json`.
nlohmann::ordered_json file_json(const std::string& file, const cr::LoadResult& result) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& d : result.diagnostics) {
        list.push_back({{"severity", d.severity == cr::Severity::Error ? "error" : "warning"},
                        {"line", d.line},
                        {"column", d.column},
                        {"path", d.path},
                        {"where", d.where},
                        {"check", cr::check_name(d.check)},
                        {"schema_checks", cr::schema_checks(d.check)},
                        {"message", d.message}});
    }
    return {{"file", file}, {"ok", result.ok}, {"diagnostics", std::move(list)}};
}

int validate(int argc, char** argv) {
    std::vector<std::string> files;
    bool json = false;
    for (int i = 2; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--json")) json = true;
        else files.push_back(argv[i]);
    }
    if (files.empty()) {
        std::fprintf(stderr, "crossroads validate: name at least one quiz file\n%s", kUsage);
        return 2;
    }
    int failed = 0;
    nlohmann::ordered_json report = nlohmann::ordered_json::array();
    for (const auto& file : files) {
        cr::LoadResult result;
        std::string text;
        if (json) {
            if (read_quiz_file(file, text)) {
                result = cr::load_quiz(text);
                report.push_back(file_json(file, result));
            }
            if (!result.ok) ++failed;
        } else if (load(file, result, true)) {
            std::printf("%s: ok\n", file.c_str());
        } else {
            ++failed;
        }
    }
    if (json) std::printf("%s\n", report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return failed == 0 ? 0 : 1;
}

int score(int argc, char** argv) {
    std::string file, answers;
    bool json = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json") json = true;
        else if (arg == "--answers" && i + 1 < argc) answers = argv[++i];
        else if (arg.rfind("--answers=", 0) == 0) answers = arg.substr(10);
        else if (!arg.empty() && arg[0] != '-' && file.empty()) file = arg;
        else {
            std::fprintf(stderr, "crossroads score: unexpected argument '%s'\n%s", arg.c_str(), kUsage);
            return 2;
        }
    }
    if (file.empty()) {
        std::fprintf(stderr, "crossroads score: name a quiz file\n%s", kUsage);
        return 2;
    }
    cr::LoadResult loaded;
    if (!load(file, loaded, false)) return 1;
    cr::Answers parsed;
    std::string error;
    if (!cr::parse_answers(loaded.quiz, answers, parsed, error)) {
        std::fprintf(stderr, "%s: error: --answers: %s\n", file.c_str(), error.c_str());
        return 2;
    }
    const cr::Result result = cr::score(loaded.quiz, parsed);
    const std::string out = json ? cr::result_json(loaded.quiz, parsed, result) + "\n"
                                 : cr::result_text(loaded.quiz, parsed, result);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || (argc == 2 && wants_help(argc, argv))) {
        std::printf("%s", kUsage);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    if (wants_help(argc, argv)) {
        std::printf("%s", kUsage);
        return 0;
    }
    if (command == "validate") return validate(argc, argv);
    if (command == "score") return score(argc, argv);
    std::fprintf(stderr, "crossroads: unknown command '%s'\n%s", command.c_str(), kUsage);
    return 2;
}
