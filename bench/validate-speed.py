# Benchmark: how `crossroads validate` (process start to exit) grows with a quiz's length: generated quizzes of 1,000,
# 5,000 and 10,000 questions (kept in bench/out/), medians of 5 runs (wall and CPU time), and the CPU cost of each further
# 1,000 questions, equal from step to step when the growth is linear. Usage: python3 bench/validate-speed.py [CLI]
import json
import pathlib
import resource
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SIZES = (1000, 5000, 10000)
RUNS = 5


def question(i):
    """Outcome question i: mostly single choice, every 5th a multiple choice, every 7th a scale; every 4th is shown
    only for some answers of the one before (a condition refers to an earlier question)."""
    qid = f"q{i}"
    if i % 7 == 6:
        q = {"id": qid, "type": "scale", "prompt": f"How much does point {i} matter to you?",
             "scale": {"min": 0, "max": 10, "step": 1, "min_label": "Not at all", "max_label": "A great deal", "default": 5},
             "weights": [{"from": 0, "to": 3, "weights": {"steady": 2}}, {"from": 7, "to": 10, "weights": {"bold": 2}}]}
    else:
        options = [{"id": "a", "label": f"The first answer to question {i}", "weights": {"steady": 2}},
                   {"id": "b", "label": f"The second answer to question {i}", "weights": {"bold": 2}},
                   {"id": "c", "label": "Somewhere in between", "weights": {"steady": 1, "bold": 1}},
                   {"id": "d", "label": "None of these", "weights": {"bold": -1}}]
        q = {"id": qid, "type": "multiple" if i % 5 == 4 else "single", "prompt": f"Which of these fits you best for point {i}?",
             "options": options, "explanation": "Answer for the way you work today, not the way you would like to."}
    if i % 4 == 3 and (i - 1) % 7 != 6:
        q["show_if"] = {"question": f"q{i - 1}", "none_of": ["d"]}
    return q


def quiz(count):
    """A valid quiz of `count` questions: 100 outcome questions per section, and a last section of 10 knowledge questions."""
    outcome_questions = [question(i) for i in range(count - 10)]
    sections = [{"id": f"s{k}", "title": f"Part {k + 1}", "questions": outcome_questions[k * 100:(k + 1) * 100]}
                for k in range((len(outcome_questions) + 99) // 100)]
    sections.append({"id": "check", "title": "A short check", "kind": "knowledge", "questions": [
        {"id": f"k{j}", "type": "true_false", "prompt": f"Statement {j} in this check is true.", "correct": j % 2 == 0,
         "explanation": "Even statements are true and odd ones are false in this generated check."} for j in range(10)]})
    return {"format": 1, "id": f"generated-{count}", "version": 1, "title": f"A generated quiz of {count} questions",
            "outcomes": [{"id": "steady", "title": "Steady", "summary": "You like a known path."},
                         {"id": "bold", "title": "Bold", "summary": "You like to try things."}],
            "sections": sections,
            "bands": [{"id": "low", "title": "Low", "feedback": "Read the review.", "min": 0, "max": 50},
                      {"id": "high", "title": "High", "feedback": "Well done.", "min": 50, "max": 100}]}


def main():
    cli = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build/native/crossroads")
    out = ROOT / "bench/out"
    out.mkdir(parents=True, exist_ok=True)
    (out / ".gitignore").write_text("*\n")  # generated files: git never sees them
    print(f"{'questions':>10}{'bytes':>12}{'wall (ms)':>11}{'CPU (ms)':>10}{'CPU ms per 1,000 more':>24}"
          f"   (validate, medians of {RUNS} runs)")
    cpu_ms, steps = [], []
    for count in SIZES:
        path = out / f"quiz-{count}.json"
        path.write_text(json.dumps(quiz(count), indent=1))
        wall, cpu = [], []
        for _ in range(RUNS):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run = subprocess.run([str(cli), "validate", str(path)], capture_output=True, text=True)
            wall.append((time.perf_counter() - start) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
            if run.returncode != 0 or "warning" in run.stdout + run.stderr:
                sys.exit(f"validate did not accept {path} cleanly:\n{run.stdout}{run.stderr}")
        cpu_ms.append(statistics.median(cpu))
        step = ""
        if len(cpu_ms) > 1:
            steps.append((cpu_ms[-1] - cpu_ms[-2]) / (count - SIZES[len(cpu_ms) - 2]) * 1000)
            step = f"{steps[-1]:.1f}"
        print(f"{count:>10,}{path.stat().st_size:>12,}{statistics.median(wall):>11.0f}{cpu_ms[-1]:>10.0f}{step:>24}")
    print(f"last step / first step: {steps[-1] / steps[0]:.2f} (1 when validate grows linearly; above 1, faster than linearly)")


if __name__ == "__main__":
    main()
