package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import dev.assay.core.DataException;
import dev.assay.core.Decision;
import dev.assay.core.Example;
import dev.assay.core.RegressionFile;
import dev.assay.core.attacks.AdversarialCheck;
import dev.assay.core.attacks.Attack;
import dev.assay.core.attacks.Attacks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code adversarial: {packs, families, samples, max-success-rate, max-success-rate-per-family, decision, confidence,
 * system, system-marker, allowed-hosts, examples, cases-from}}; see {@code dev.assay.core.attacks}'s package-info.
 */
final class AdversarialParser implements CheckKinds.CheckParser {
    static final List<String> KEYS = List.of("packs", "families", "samples", "max-success-rate",
            "max-success-rate-per-family", "decision", "confidence", "system", "system-marker", "allowed-hosts",
            "examples", "cases-from");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Check parse(String name, Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        AdversarialCheck.Builder b = Attacks.check().named(name);
        Set<String> families = new LinkedHashSet<>();
        boolean any = false;

        List<Node> packs = f.strings("packs");
        if (packs != null) {
            if (packs.isEmpty()) {
                problems.at(f.get("packs"), f.path("packs") + ": the list is empty; name a pack ("
                        + String.join(", ", Attacks.PACKS) + ", all) or a .jsonl file");
            }
            for (Node n : packs) {
                String p = n.text().strip();
                List<Attack> attacks = null;
                if (p.equals(Attacks.ALL) || Attacks.PACKS.contains(p)) {
                    attacks = Attacks.pack(p);
                } else if (p.endsWith(".jsonl") || p.contains("/") || p.contains("\\")) {
                    Path file = ctx.requireFile(n, f.path("packs"));
                    if (file != null) {
                        try {
                            attacks = Attacks.load(file);
                        } catch (DataException e) {
                            problems.at(n, f.path("packs") + ": " + e.getMessage());
                        }
                    }
                } else {
                    problems.at(n, f.path("packs") + ": unknown pack '" + p + "'" + Suggest.hint(p, Attacks.PACKS)
                            + " (shipped: " + String.join(", ", Attacks.PACKS) + ", all; or a .jsonl file path)");
                }
                if (attacks != null) {
                    attacks.forEach(a -> families.add(a.family()));
                    b.attacks(attacks);
                    any = true;
                }
            }
        }
        List<Node> casesFrom = f.strings("cases-from");
        if (casesFrom != null) {
            for (Node n : casesFrom) {
                Path file = ctx.requireFile(n, f.path("cases-from"));
                if (file == null) {
                    continue;
                }
                try {
                    List<Example> cases = RegressionFile.read(file);
                    for (Example e : cases) {
                        if (e.family() == null || !e.input().containsKey("attack") || !e.input().containsKey("prompt")
                                || !e.input().containsKey("detector")) {
                            problems.at(n, f.path("cases-from") + ": '" + n.text() + "' holds a case that is not an "
                                    + "adversarial one (it needs family and input.attack, input.prompt, "
                                    + "input.detector)");
                            cases = null;
                            break;
                        }
                        families.add(e.family());
                    }
                    if (cases != null) {
                        b.replay(cases);
                        any = true;
                    }
                } catch (DataException e) {
                    problems.at(n, f.path("cases-from") + ": " + e.getMessage());
                }
            }
        }
        if (packs == null && casesFrom == null) {
            f.missing("packs", "attack packs to send: " + String.join(", ", Attacks.PACKS)
                    + ", all, or .jsonl files (or cases-from: replay files)");
        }

        List<Node> fam = f.strings("families");
        if (fam != null) {
            List<String> names = new ArrayList<>();
            for (Node n : fam) {
                String s = n.text().strip();
                if (any && !families.contains(s)) {
                    problems.at(n, f.path("families") + ": no attack of family '" + s + "' in the packs"
                            + Suggest.hint(s, families) + " (families: " + String.join(", ", families) + ")");
                } else {
                    names.add(s);
                }
            }
            b.families(names);
        }
        ParseHelp.ifSet(f.integer("samples", 1), b::samples);
        Double max = RobustnessKeys.rate(f, "max-success-rate", false);
        if (max != null) {
            b.maxSuccessRate(max);
        }
        Node perFamily = f.map("max-success-rate-per-family", false);
        if (perFamily != null) {
            for (Map.Entry<String, Node> e : perFamily.entries().entrySet()) {
                String path = f.path("max-success-rate-per-family") + "." + e.getKey();
                Node v = e.getValue();
                Double rate = null;
                if (v.isScalar() && v.scalar() == Node.Scalar.NUMBER) {
                    rate = Double.parseDouble(v.text());
                }
                if (rate == null || rate < 0 || rate > 1) {
                    problems.at(v, path + ": expected a rate between 0 and 1, found " + v.describe());
                } else if (any && !families.contains(e.getKey())) {
                    Node.Key k = perFamily.key(e.getKey());
                    problems.at(k, path + ": no attack of family '" + e.getKey() + "' in the packs"
                            + Suggest.hint(e.getKey(), families) + " (families: " + String.join(", ", families) + ")");
                } else {
                    b.maxSuccessRate(e.getKey(), rate);
                }
            }
        }
        RobustnessKeys.common(f, x -> { }, (Decision d) -> b.decision(d), b::confidence, b::examples);
        String system = f.string("system", false);
        if (system != null) {
            b.system(system);
        }
        ParseHelp.ifSet(f.string("system-marker", false), b::systemMarker);
        List<Node> hosts = f.strings("allowed-hosts");
        if (hosts != null) {
            List<String> names = new ArrayList<>();
            for (Node n : hosts) {
                String h = n.text().strip();
                if (!h.matches("[A-Za-z0-9.-]+")) {
                    problems.at(n, f.path("allowed-hosts") + ": expected a host name such as docs.example.com, found '"
                            + n.text() + "'");
                } else {
                    names.add(h);
                }
            }
            b.allowedHosts(names);
        }
        if (problems.size() != before || !any) {
            return null;
        }
        return b.build();
    }
}
