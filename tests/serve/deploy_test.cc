// deploy/: the Kubernetes example and the Dockerfile, checked as far as this machine can
// (no container runtime or cluster here): the YAML parses into the three objects with
// consistent names, labels and ports; the container's arguments start the real server
// and its probe paths answer 200; the Dockerfile builds on Debian 12, copies only files
// that exist, names runtime packages Debian has, and exposes the port the Deployment uses.
#include <gtest/gtest.h>
#include <httplib.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include "serve/server_process.h"
#include "support/cli_runner.h"

using wenfeng::testing::read_file;
using wenfeng::testing::ServerProcess;
using wenfeng::testing::source_path;

namespace {

std::vector<YAML::Node> kubernetes() { return YAML::LoadAllFromFile(source_path("deploy/kubernetes.yaml")); }

YAML::Node find_kind(const std::vector<YAML::Node>& docs, const std::string& kind) {
  for (const auto& d : docs)
    if (d["kind"].as<std::string>() == kind) return d;
  return YAML::Node();
}

TEST(ServeDeploy, KubernetesObjectsAreConsistent) {
  const auto docs = kubernetes();
  ASSERT_EQ(docs.size(), 3u);
  const auto dep = find_kind(docs, "Deployment");
  const auto svc = find_kind(docs, "Service");
  const auto hpa = find_kind(docs, "HorizontalPodAutoscaler");
  ASSERT_TRUE(dep && svc && hpa);
  const auto labels = dep["spec"]["template"]["metadata"]["labels"];
  for (const auto& [k, v] : {std::pair{"selector", dep["spec"]["selector"]["matchLabels"]}, {"service", svc["spec"]["selector"]}})
    for (auto it = v.begin(); it != v.end(); ++it)
      EXPECT_EQ(labels[it->first.as<std::string>()].as<std::string>(), it->second.as<std::string>()) << k;
  const auto c = dep["spec"]["template"]["spec"]["containers"][0];
  EXPECT_EQ(c["readinessProbe"]["httpGet"]["path"].as<std::string>(), "/readyz");
  EXPECT_EQ(c["livenessProbe"]["httpGet"]["path"].as<std::string>(), "/healthz");
  EXPECT_EQ(c["ports"][0]["name"].as<std::string>(), "http");
  EXPECT_EQ(svc["spec"]["ports"][0]["targetPort"].as<std::string>(), "http");
  for (const char* r : {"cpu", "memory"}) {
    EXPECT_TRUE(c["resources"]["requests"][r]) << r;
    EXPECT_TRUE(c["resources"]["limits"][r]) << r;
  }
  EXPECT_EQ(hpa["apiVersion"].as<std::string>(), "autoscaling/v2");
  EXPECT_EQ(hpa["spec"]["scaleTargetRef"]["kind"].as<std::string>(), "Deployment");
  EXPECT_EQ(hpa["spec"]["scaleTargetRef"]["name"].as<std::string>(), dep["metadata"]["name"].as<std::string>());
  EXPECT_EQ(hpa["spec"]["metrics"][0]["resource"]["name"].as<std::string>(), "cpu");
  EXPECT_TRUE(c["securityContext"]["readOnlyRootFilesystem"].as<bool>());
}

TEST(ServeDeploy, TheContainersArgumentsStartTheServerAndItsProbesAnswer) {
  const auto c = find_kind(kubernetes(), "Deployment")["spec"]["template"]["spec"]["containers"][0];
  std::vector<std::string> args;
  for (const auto& a : c["args"]) args.push_back(a.as<std::string>());
  // The same options, on the loopback address and a free port for the test.
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--host") args[i + 1] = "127.0.0.1";
    if (args[i] == "--port") {
      EXPECT_EQ(args[i + 1], std::to_string(c["ports"][0]["containerPort"].as<int>()));
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
      --i;
    }
  }
  ServerProcess s(args);
  ASSERT_TRUE(s.ok());
  httplib::Client client("127.0.0.1", s.port());
  for (const char* probe : {"readinessProbe", "livenessProbe"}) {
    auto r = client.Get(c[probe]["httpGet"]["path"].as<std::string>().c_str());
    ASSERT_TRUE(r) << probe;
    EXPECT_EQ(r->status, 200) << probe;
  }
}

TEST(ServeDeploy, DockerfileBuildsOnDebian12FromFilesThatExist) {
  const std::string text = read_file(source_path("deploy/Dockerfile"));
  std::istringstream in(text);
  std::string line, joined;
  std::vector<std::string> instructions;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    joined += line;
    if (!joined.empty() && joined.back() == '\\') {
      joined.pop_back();
      continue;
    }
    instructions.push_back(joined);
    joined.clear();
  }
  const std::set<std::string> known = {"FROM", "RUN", "WORKDIR", "COPY", "ENV", "USER", "EXPOSE", "ENTRYPOINT", "CMD"};
  int froms = 0;
  std::string expose;
  for (const auto& i : instructions) {
    const std::string op = i.substr(0, i.find(' '));
    EXPECT_TRUE(known.count(op)) << i;
    if (op == "FROM") {
      ++froms;
      EXPECT_EQ(i.rfind("FROM debian:12", 0), 0u) << i;
    }
    if (op == "EXPOSE") expose = i.substr(7);
    if (op == "COPY" && i.find("--from=") == std::string::npos) {
      std::istringstream words(i.substr(5));
      std::vector<std::string> w;
      for (std::string x; words >> x;) w.push_back(x);
      for (std::size_t k = 0; k + 1 < w.size(); ++k)
        EXPECT_TRUE(std::filesystem::exists(source_path(w[k]))) << w[k];
    }
  }
  EXPECT_EQ(froms, 2);
  const auto c = find_kind(kubernetes(), "Deployment")["spec"]["template"]["spec"]["containers"][0];
  EXPECT_EQ(expose, std::to_string(c["ports"][0]["containerPort"].as<int>()));
  EXPECT_NE(text.find("ENTRYPOINT [\"/usr/bin/wenfeng\", \"serve\"]"), std::string::npos);
  // The runtime packages are Debian 12 package names (installed here as the -dev
  // packages' dependencies).
  std::smatch m;
  const std::string runtime = text.substr(text.find("FROM debian:12-slim"));
  ASSERT_TRUE(std::regex_search(runtime, m, std::regex("--no-install-recommends\\s*\\\\?\\s*([^&]+)&&")));
  std::istringstream pkgs(std::regex_replace(m[1].str(), std::regex("\\\\"), " "));
  int checked = 0;
  for (std::string p; pkgs >> p; ++checked)
    EXPECT_EQ(std::system(("dpkg-query -W " + p + " >/dev/null 2>&1").c_str()), 0) << p;
  EXPECT_GE(checked, 7);
}

}  // namespace
