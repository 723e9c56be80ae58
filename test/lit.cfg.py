# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "USMP"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]
if config.usmp_planner_only:
    # Only the planner core, usmp-plan and usmp-bench are built.
    config.excludes += ["Analysis", "Conversion", "Dialect", "Regression", "Target", "Transforms", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.usmp_obj_root, "test")

import sys
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%usmp_src_root", config.usmp_src_root))
config.substitutions.append(("%usmp_tools_dir", config.usmp_tools_dir))
config.substitutions.append(("%llvm_lib_dir", config.llvm_lib_dir))
config.substitutions.append(("%usmp_version", config.usmp_version))
# Benchmark instances shared beside the project root (read-only).
config.substitutions.append(
    ("%shared_bench", os.path.join(os.path.dirname(config.usmp_src_root), "shared", "bench")))

# Tests of file permissions run usmp-translate as another user.
import shutil
if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv"):
    config.available_features.add("root-setpriv")

llvm_config.use_default_substitutions()
# `not` and `count` at the start of a RUN line are found through PATH.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_system_environment(["HOME", "TMP", "TEMP"])

tool_dirs = [config.usmp_tools_dir, config.llvm_tools_dir]
tools = ["usmp-opt", "usmp-translate", "usmp-plan", "usmp-bench"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
