//===- Exact.cpp - Branch-and-bound memory planner ------------------------===//
//
// Search space. Any layout can be pushed down ("gravity") until every buffer
// rests at the lowest aligned offset above the conflicting buffers below it,
// without growing any pool. The search only builds such canonical layouts,
// which keeps it complete while cutting most of the space.
//
// Branching at the lowest point of the skyline: a section is a set of
// buffers that pairwise conflict (the live set of an elementary time segment,
// or a greedy clique of an explicit conflict graph). At every node the
// section whose lowest unplaced buffer sits lowest, at height h, is taken:
// either some buffer of it rests exactly at h (one branch per buffer whose
// floor is h) or none does (one more branch that raises the section's dead
// level to where its buffers can next start: a buffer whose floor was h must
// then rest on an unplaced conflicting buffer). The branches are disjoint and
// cover every canonical layout.
//
// Inference at every node, all lower bounds on where unplaced buffers can
// still go: every buffer fits below the capacity from its floor (placed
// conflicting buffers, dead levels, and for a buffer below a dead level the
// smallest unplaced neighbour it must rest on), and every section stacks its
// unplaced buffers above the lowest floor among them.
//
// Dominance: when the unplaced buffers fall apart into independent components
// (no conflicts between them; for intervals, a time point no unplaced buffer
// spans) each is solved on its own, and a component without a layout dooms
// the node whatever the others do. Component states searched in vain are kept
// in a table keyed by a 128-bit hash of the unplaced buffers with their
// minimum offsets and dead levels (a wrong match needs a hash collision,
// about 2^-128 per pair of states).
//
// Run times are heavy-tailed, so the search restarts with node limits from
// the Luby sequence, cycling through static buffer orders and rules for
// choosing among equally low sections, then perturbed orders; the table of
// failed states carries over, so every round starts better informed and the
// growing limits keep the search complete.
//
// Minimize mode: starting from first fit, every layout found sets the
// capacity just below its peak and the search runs again, until a layout
// reaches the lower bound or a search proves none smaller exists.
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/Exact.h"
#include "usmp/Planner/FirstFit.h"
#include "usmp/Planner/IntervalGaps.h"
#include "usmp/Planner/LowerBound.h"
#include "usmp/Planner/Random.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>

using namespace usmp::planner;

namespace {

constexpr uint64_t kInf = std::numeric_limits<uint64_t>::max();

uint64_t satAdd(uint64_t a, uint64_t b) { return a > kInf - b ? kInf : a + b; }

/// Rounds up to a power-of-two alignment, saturating at kInf.
uint64_t satAlignUp(uint64_t value, uint64_t alignment) {
  if (value > kInf - (alignment - 1))
    return kInf;
  return (value + alignment - 1) & ~(alignment - 1);
}

/// Rows of a compressed list of lists.
struct Rows {
  std::vector<unsigned> start{0};
  std::vector<unsigned> data;
  llvm::ArrayRef<unsigned> operator[](unsigned i) const {
    return llvm::ArrayRef<unsigned>(data).slice(start[i],
                                                start[i + 1] - start[i]);
  }
  unsigned size() const { return start.size() - 1; }
  void endRow() { start.push_back(data.size()); }
};

/// The buffers assigned to one pool, renumbered 0..m-1 ("items").
struct Instance {
  std::vector<unsigned> buffer;
  std::vector<uint64_t> size, align;
  /// Positions in the static branching orders.
  std::vector<std::vector<unsigned>> ranks;
  Rows neighbours, sections, sectionsOf;
  uint64_t lowerBound = 0;
  /// True when live ranges are the only conflicts; items are then numbered
  /// by start time and `start`/`end` hold their ranges.
  bool intervalOnly = false;
  std::vector<int64_t> start, end;
};

/// Greedy cliques through every item without a live range, grown from its
/// neighbours in decreasing size.
void addCliqueSections(const Instance &in, llvm::ArrayRef<char> hasLive,
                       std::vector<std::vector<unsigned>> &cliques) {
  auto adjacent = [&](unsigned a, unsigned b) {
    llvm::ArrayRef<unsigned> row = in.neighbours[a];
    return std::binary_search(row.begin(), row.end(), b);
  };
  for (unsigned c = 0, m = in.size.size(); c < m; ++c) {
    if (hasLive[c])
      continue;
    std::vector<unsigned> order(in.neighbours[c].begin(),
                                in.neighbours[c].end());
    llvm::sort(order, [&](unsigned a, unsigned b) {
      return std::make_pair(in.size[b], a) < std::make_pair(in.size[a], b);
    });
    std::vector<unsigned> clique{c};
    for (unsigned d : order)
      if (llvm::all_of(clique, [&](unsigned e) { return adjacent(d, e); }))
        clique.push_back(d);
    llvm::sort(clique);
    cliques.push_back(std::move(clique));
  }
}

/// The live sets of all elementary time segments of the items with a live
/// range (every such set is a clique of the conflict graph).
void addIntervalSections(const Problem &problem, const Instance &in,
                         std::vector<std::vector<unsigned>> &sections) {
  // Events: an item enters at its start and leaves after its end.
  struct Event {
    int64_t time;
    bool enter;
    unsigned item;
  };
  std::vector<Event> events;
  for (unsigned c = 0, m = in.size.size(); c < m; ++c) {
    const std::optional<Interval> &live = problem.buffers[in.buffer[c]].live;
    if (!live)
      continue;
    events.push_back({live->start, true, c});
    if (live->end != std::numeric_limits<int64_t>::max())
      events.push_back({live->end + 1, false, c});
  }
  llvm::sort(events, [](const Event &a, const Event &b) {
    return std::make_tuple(a.time, a.enter, a.item) <
           std::make_tuple(b.time, b.enter, b.item);
  });
  std::vector<unsigned> active;
  std::vector<unsigned> where(in.size.size(), 0);
  for (size_t i = 0; i < events.size();) {
    int64_t time = events[i].time;
    for (; i < events.size() && events[i].time == time; ++i) {
      unsigned c = events[i].item;
      if (events[i].enter) {
        where[c] = active.size();
        active.push_back(c);
      } else {
        unsigned last = active.back();
        active[where[c]] = last;
        where[last] = where[c];
        active.pop_back();
      }
    }
    if (active.empty())
      continue;
    std::vector<unsigned> section = active;
    llvm::sort(section);
    sections.push_back(std::move(section));
  }
}

Instance buildInstance(const Problem &problem, unsigned pool,
                       llvm::ArrayRef<unsigned> buffers) {
  Instance in;
  unsigned m = buffers.size();
  in.buffer.assign(buffers.begin(), buffers.end());
  in.intervalOnly = llvm::all_of(buffers, [&](unsigned b) {
    return problem.buffers[b].live && problem.explicitConflicts(b).empty();
  });
  if (in.intervalOnly) {
    llvm::sort(in.buffer, [&](unsigned a, unsigned b) {
      return std::make_pair(problem.buffers[a].live->start, a) <
             std::make_pair(problem.buffers[b].live->start, b);
    });
    for (unsigned b : in.buffer) {
      in.start.push_back(problem.buffers[b].live->start);
      in.end.push_back(problem.buffers[b].live->end);
    }
  } else {
    llvm::sort(in.buffer);
  }
  std::vector<unsigned> local(problem.buffers.size(), ~0u);
  for (unsigned c = 0; c < m; ++c) {
    unsigned b = in.buffer[c];
    local[b] = c;
    in.size.push_back(problem.buffers[b].size);
    in.align.push_back(placementAlignment(problem, b, pool));
  }
  std::vector<char> hasLive(m);
  for (unsigned c = 0; c < m; ++c) {
    unsigned b = in.buffer[c];
    hasLive[c] = problem.buffers[b].live.has_value();
    size_t rowStart = in.neighbours.data.size();
    for (unsigned other : problem.neighbours(b))
      if (local[other] != ~0u)
        in.neighbours.data.push_back(local[other]);
    std::sort(in.neighbours.data.begin() + rowStart, in.neighbours.data.end());
    in.neighbours.endRow();
  }

  std::vector<std::vector<unsigned>> sections;
  addIntervalSections(problem, in, sections);
  addCliqueSections(in, hasLive, sections);
  llvm::sort(sections);
  sections.erase(std::unique(sections.begin(), sections.end()), sections.end());
  std::vector<std::vector<unsigned>> of(m);
  for (auto [s, section] : llvm::enumerate(sections)) {
    uint64_t total = 0;
    for (unsigned c : section) {
      of[c].push_back(s);
      total = satAdd(total, in.size[c]);
    }
    in.lowerBound = std::max(in.lowerBound, total);
    llvm::append_range(in.sections.data, section);
    in.sections.endRow();
  }
  for (unsigned c = 0; c < m; ++c) {
    llvm::append_range(in.sectionsOf.data, of[c]);
    in.sectionsOf.endRow();
  }

  // Static branching orders, each total thanks to the index: the search
  // restarts with them in turn (heavy-tailed run times differ a lot between
  // orders). Long-lived buffers first (they constrain the most sections),
  // large areas first, large sizes first.
  std::vector<uint64_t> length(m, 0);
  for (unsigned c = 0; c < m; ++c) {
    const std::optional<Interval> &live = problem.buffers[in.buffer[c]].live;
    // [-2^63, 2^63 - 1] lasts 2^64 steps, which counts as the longest (as
    // no live range), not as 0.
    uint64_t span = live ? uint64_t(live->end) - uint64_t(live->start) : kInf;
    length[c] = span == kInf ? kInf : span + 1;
  }
  __extension__ typedef unsigned __int128 Wide;
  auto area = [&](unsigned c) { return Wide(in.size[c]) * length[c]; };
  std::vector<std::function<bool(unsigned, unsigned)>> keys = {
      [&](unsigned a, unsigned b) {
        return std::make_tuple(length[b], in.size[b], a) <
               std::make_tuple(length[a], in.size[a], b);
      },
      [&](unsigned a, unsigned b) {
        return std::make_tuple(area(b), a) < std::make_tuple(area(a), b);
      },
      [&](unsigned a, unsigned b) {
        return std::make_tuple(in.size[b], length[b], a) <
               std::make_tuple(in.size[a], length[a], b);
      }};
  for (const auto &key : keys) {
    std::vector<unsigned> order(m);
    for (unsigned c = 0; c < m; ++c)
      order[c] = c;
    llvm::sort(order, key);
    std::vector<unsigned> rank(m);
    for (unsigned i = 0; i < m; ++i)
      rank[order[i]] = i;
    in.ranks.push_back(std::move(rank));
  }
  return in;
}

/// Node and wall-clock budget shared by all pools of one plan() call.
struct Budget {
  uint64_t nodeLimit = kInf;
  uint64_t nodes = 0;
  std::chrono::steady_clock::time_point deadline =
      std::chrono::steady_clock::time_point::max();
  bool exhausted = false;
  /// The clock is read at node `nextCheck`, `stride` nodes after the last
  /// read: about every 50 to 200 us whatever a node costs (a node of a
  /// thousand buffers can take 0.1 ms, so a fixed 1024 overran a 1 ms limit
  /// 200-fold).
  uint64_t nextCheck = 1, stride = 1;
  std::chrono::steady_clock::time_point lastCheck;

  /// A budget for a first try: a quarter of what is left of this one.
  Budget quarter() const {
    Budget part;
    part.exhausted = exhausted;
    // A search counts the node it stops at, so `nodes` may pass the limit.
    if (nodeLimit != kInf)
      part.nodeLimit = nodeLimit > nodes ? (nodeLimit - nodes) / 4 : 0;
    if (deadline != std::chrono::steady_clock::time_point::max()) {
      auto now = std::chrono::steady_clock::now();
      part.deadline = deadline > now ? now + (deadline - now) / 4 : now;
    }
    return part;
  }

  void checkClock();

  /// Counts a node; false once the budget is spent.
  bool tick() {
    if (exhausted)
      return false;
    if (++nodes >= nodeLimit)
      exhausted = true;
    else if (nodes >= nextCheck &&
             deadline != std::chrono::steady_clock::time_point::max())
      checkClock();
    return !exhausted;
  }
};

void Budget::checkClock() {
  using namespace std::chrono;
  auto now = steady_clock::now();
  if (now >= deadline) {
    exhausted = true;
    return;
  }
  if (lastCheck != steady_clock::time_point()) {
    auto elapsed = now - lastCheck;
    if (elapsed < microseconds(50) && stride < 1024)
      stride *= 2;
    else if (elapsed > microseconds(200) && stride > 1)
      stride /= 2;
  }
  lastCheck = now;
  nextCheck = nodes + stride;
}

/// The best layout found for one pool.
struct Layout {
  std::vector<uint64_t> offsets;
  uint64_t peak = kInf;
  bool found() const { return peak != kInf; }
};

uint64_t peakOf(const Instance &in, llvm::ArrayRef<uint64_t> offsets) {
  uint64_t peak = 0;
  for (unsigned c = 0, m = in.size.size(); c < m; ++c)
    peak = std::max(peak, satAdd(offsets[c], in.size[c]));
  return peak;
}

/// Lowest aligned offset of size `size` at or above 0 that overlaps none of
/// `obstacles` (sorted by offset) and ends within `cap`, or kInf.
uint64_t lowestGap(llvm::ArrayRef<std::pair<uint64_t, uint64_t>> obstacles,
                   uint64_t size, uint64_t align, uint64_t cap) {
  uint64_t offset = 0;
  for (auto [begin, end] : obstacles) {
    if (satAdd(offset, size) <= begin)
      break;
    offset = std::max(offset, satAlignUp(end, align));
  }
  uint64_t end = satAdd(offset, size);
  return end == kInf || end > cap ? kInf : offset;
}

/// First fit in decreasing size: a quick initial layout within `cap`.
Layout firstFit(const Instance &in, uint64_t cap) {
  unsigned m = in.size.size();
  std::vector<unsigned> order(m);
  for (unsigned c = 0; c < m; ++c)
    order[c] = c;
  llvm::sort(order, [&](unsigned a, unsigned b) {
    return std::make_pair(in.size[b], in.ranks[0][a]) <
           std::make_pair(in.size[a], in.ranks[0][b]);
  });
  Layout layout;
  layout.offsets.assign(m, kInf);
  std::vector<std::pair<uint64_t, uint64_t>> obstacles;
  for (unsigned c : order) {
    obstacles.clear();
    for (unsigned d : in.neighbours[c])
      if (layout.offsets[d] != kInf)
        obstacles.push_back(
            {layout.offsets[d], layout.offsets[d] + in.size[d]});
    llvm::sort(obstacles);
    uint64_t offset = lowestGap(obstacles, in.size[c], in.align[c], cap);
    if (offset == kInf)
      return Layout();
    layout.offsets[c] = offset;
  }
  layout.peak = peakOf(in, layout.offsets);
  return layout;
}

/// Depth-first search for a layout within a capacity over canonical layouts,
/// branching at the lowest point of the skyline.
///
/// At every node the section whose lowest unplaced buffer sits lowest (at
/// height h) is examined: in a canonical layout either some buffer of that
/// section lies exactly at h, which is one branch per buffer that can go
/// there, or none does, which is one more branch that raises the section's
/// dead level to where its buffers can next start. The branches are disjoint
/// and cover every canonical layout, so nothing is enumerated twice. When the
/// unplaced buffers fall apart into independent components, each is solved on
/// its own, and states already searched in vain are remembered.
class Search {
public:
  Search(const Instance &in, Budget &budget) : in(in), budget(budget) {}

  enum class Outcome { Found, Infeasible, OutOfBudget };

  /// Looks for a layout with a peak of at most `cap`; on success `layout`
  /// holds it.
  Outcome run(uint64_t cap, Layout &layout);

private:
  /// A set of unplaced buffers that conflicts with no other unplaced buffer,
  /// with the sections its buffers belong to.
  struct Component {
    std::vector<unsigned> items, sections;
  };

  bool solve(const Component &component);
  bool solveNode(const Component &component);
  /// Computes every unplaced buffer's floor (lowest offset it can still
  /// take) and checks the capacity; picks the branching section. False when
  /// the node is dead.
  bool evaluate(const Component &component, unsigned &section);
  /// Splits the unplaced buffers of `component` into connected components of
  /// the conflict graph; false (and `parts` empty) when they are connected.
  bool split(const Component &component, std::vector<Component> &parts);
  /// 128-bit hash of a component's state: its unplaced buffers with their
  /// minimum offsets and dead levels, which is all its future depends on.
  std::pair<uint64_t, uint64_t> stateKey(const Component &component) const;
  void place(unsigned c);
  void undoTo(size_t placedMark, size_t trailMark, size_t deadMark);
  /// The unplaced buffers of section `s`.
  llvm::ArrayRef<unsigned> unplacedIn(unsigned s) const {
    return llvm::ArrayRef<unsigned>(slotItem).slice(in.sections.start[s],
                                                    slotCount[s]);
  }

  const Instance &in;
  Budget &budget;
  uint64_t cap = 0;
  std::vector<char> placed, raised;
  std::vector<uint64_t> offset, minOffset, floor, remaining, dead, lowest;
  /// Per item, the highest dead level of its sections.
  std::vector<uint64_t> itemDead;
  std::vector<std::pair<unsigned, uint64_t>> trail, deadTrail;
  std::vector<unsigned> placedOrder, stamp, queue;
  // Every section's members are kept in slots with the unplaced ones first
  // (`slotCount[s]` of them); `slotOf` maps an incidence (position in
  // `in.sectionsOf.data`) to its slot and `slotIncidence` back.
  std::vector<unsigned> slotItem, slotIncidence, slotOf, slotCount;
  unsigned stampValue = 0;
  llvm::DenseSet<std::pair<uint64_t, uint64_t>> failed;
  /// The branching strategy of the current round, and its node limit.
  const std::vector<unsigned> *rank = nullptr;
  /// How a node picks among the sections whose lowest point is lowest.
  enum class SectionRule { LeastSlack, FewestChoices, First };
  SectionRule sectionRule = SectionRule::LeastSlack;
  uint64_t roundNodes = 0, roundLimit = 0;
  bool cutOff = false;

  /// Counts a node; false once the budget or the round's limit is spent.
  bool step() {
    if (!budget.tick())
      return false;
    cutOff = ++roundNodes > roundLimit;
    return !cutOff;
  }
};

/// Node limit of a restart round of Luby length 1.
constexpr uint64_t kFirstRoundNodes = 1000;

/// The Luby sequence 1, 1, 2, 1, 1, 2, 4, 1, ... (i from 1).
uint64_t luby(uint64_t i) {
  for (unsigned k = 1; k < 64; ++k) {
    if (i == (uint64_t(1) << k) - 1)
      return uint64_t(1) << (k - 1);
    if (i < (uint64_t(1) << k) - 1)
      return luby(i - (uint64_t(1) << (k - 1)) + 1);
  }
  return uint64_t(1) << 62;
}

/// A static order of restart `round` with every key scaled by a random
/// factor in [1, 2): the base orders by turn, perturbed by a seeded PRNG.
void perturbOrder(const Instance &in, unsigned round,
                  std::vector<unsigned> &rank) {
  unsigned m = in.size.size();
  __extension__ typedef unsigned __int128 Wide;
  const std::vector<unsigned> &base = in.ranks[round % in.ranks.size()];
  std::vector<std::pair<Wide, unsigned>> keys(m);
  for (unsigned c = 0; c < m; ++c) {
    uint64_t noise =
        SplitMix64::mix(uint64_t(round) * 0x9e3779b97f4a7c15ULL + c) % 1024;
    // Earlier in the base order means a larger key.
    keys[c] = {Wide(m - base[c]) * (1024 + noise), c};
  }
  llvm::sort(keys, [](const auto &a, const auto &b) {
    return std::make_pair(b.first, a.second) <
           std::make_pair(a.first, b.second);
  });
  for (unsigned i = 0; i < m; ++i)
    rank[keys[i].second] = i;
}

/// Different orders of stacking the same buffers often leave the same
/// skyline; the table cuts those repeats. Bounded to keep memory in check.
constexpr size_t kMaxFailedStates = 1 << 21;

std::pair<uint64_t, uint64_t>
Search::stateKey(const Component &component) const {
  uint64_t first = 0, second = 0;
  auto add = [&](uint64_t id, uint64_t value) {
    uint64_t h = SplitMix64::mix(value * 0x9e3779b97f4a7c15ULL + id);
    first += h;
    second += (h ^ (h >> 32)) * 0xd6e8feb86659fd93ULL;
  };
  for (unsigned c : component.items)
    if (!placed[c])
      add(c, minOffset[c] ^ (itemDead[c] * 0xc2b2ae3d27d4eb4fULL));
  return {first, second};
}

bool Search::evaluate(const Component &component, unsigned &section) {
  // Pass 1: the floor from placed neighbours and dead levels.
  for (unsigned c : component.items) {
    if (placed[c])
      continue;
    uint64_t low = satAlignUp(minOffset[c], in.align[c]);
    uint64_t deadLevel = itemDead[c];
    // Below a dead level a buffer can only rest on a buffer not placed yet.
    raised[c] = low < deadLevel;
    floor[c] = std::max(low, satAlignUp(deadLevel, in.align[c]));
  }
  // Pass 2: such a buffer sits on an unplaced neighbour's top.
  for (unsigned c : component.items) {
    if (placed[c] || !raised[c])
      continue;
    uint64_t support = kInf;
    for (unsigned d : in.neighbours[c])
      if (!placed[d])
        support = std::min(support, satAdd(floor[d], in.size[d]));
    if (support == kInf)
      return false;
    floor[c] = std::max(floor[c], satAlignUp(support, in.align[c]));
  }
  for (unsigned c : component.items)
    if (!placed[c] && satAdd(floor[c], in.size[c]) > cap)
      return false;
  uint64_t bestLow = kInf, bestSlack = kInf;
  unsigned bestChoices = ~0u;
  section = ~0u;
  for (unsigned s : component.sections) {
    if (remaining[s] == 0)
      continue;
    uint64_t low = kInf;
    unsigned choices = 0;
    for (unsigned c : unplacedIn(s)) {
      if (floor[c] < low) {
        low = floor[c];
        choices = 0;
      }
      choices += floor[c] == low && !raised[c];
    }
    uint64_t top = satAdd(low, remaining[s]);
    if (top > cap)
      return false;
    lowest[s] = low;
    uint64_t slack = cap - top;
    auto keyOf = [&](uint64_t l, uint64_t sl, unsigned ch) {
      switch (sectionRule) {
      case SectionRule::LeastSlack:
        return std::make_tuple(l, sl, uint64_t(ch));
      case SectionRule::FewestChoices:
        return std::make_tuple(l, uint64_t(ch), sl);
      case SectionRule::First:
        break;
      }
      return std::make_tuple(l, uint64_t(0), uint64_t(0));
    };
    if (keyOf(low, slack, choices) < keyOf(bestLow, bestSlack, bestChoices)) {
      bestLow = low;
      bestSlack = slack;
      bestChoices = choices;
      section = s;
    }
  }
  return section != ~0u;
}

bool Search::split(const Component &component, std::vector<Component> &parts) {
  // Breadth-first search over unplaced neighbours; `stamp` marks visited
  // items, then collected sections.
  if (in.intervalOnly) {
    // Items come by start time: a part ends where no earlier unplaced item
    // reaches the next start.
    int64_t reach = 0;
    bool open = false;
    for (unsigned c : component.items) {
      if (placed[c])
        continue;
      if (!open || in.start[c] > reach) {
        parts.emplace_back();
        reach = in.end[c];
        open = true;
      }
      reach = std::max(reach, in.end[c]);
      parts.back().items.push_back(c);
    }
    if (parts.size() < 2) {
      parts.clear();
      return false;
    }
  } else {
    ++stampValue;
    unsigned unplacedCount = 0;
    for (unsigned c : component.items)
      unplacedCount += !placed[c];
    for (unsigned root : component.items) {
      if (placed[root] || stamp[root] == stampValue)
        continue;
      queue.clear();
      queue.push_back(root);
      stamp[root] = stampValue;
      for (size_t i = 0; i < queue.size(); ++i)
        for (unsigned d : in.neighbours[queue[i]])
          if (!placed[d] && stamp[d] != stampValue) {
            stamp[d] = stampValue;
            queue.push_back(d);
          }
      if (parts.empty() && queue.size() == unplacedCount)
        return false;
      Component part;
      part.items = queue;
      llvm::sort(part.items);
      parts.push_back(std::move(part));
    }
  }
  unsigned m = in.size.size();
  for (Component &part : parts) {
    ++stampValue;
    for (unsigned c : part.items)
      for (unsigned s : in.sectionsOf[c])
        if (stamp[m + s] != stampValue && remaining[s] != 0) {
          stamp[m + s] = stampValue;
          part.sections.push_back(s);
        }
  }
  return true;
}

void Search::place(unsigned c) {
  uint64_t top = floor[c] + in.size[c];
  placed[c] = 1;
  offset[c] = floor[c];
  placedOrder.push_back(c);
  for (unsigned k = in.sectionsOf.start[c], e = in.sectionsOf.start[c + 1];
       k < e; ++k) {
    unsigned s = in.sectionsOf.data[k];
    remaining[s] -= in.size[c];
    // Swap c behind the unplaced slots of s.
    unsigned from = slotOf[k], to = in.sections.start[s] + --slotCount[s];
    unsigned other = slotIncidence[to];
    std::swap(slotItem[from], slotItem[to]);
    std::swap(slotIncidence[from], slotIncidence[to]);
    slotOf[other] = from;
    slotOf[k] = to;
  }
  for (unsigned d : in.neighbours[c])
    if (!placed[d] && minOffset[d] < top) {
      trail.push_back({d, minOffset[d]});
      minOffset[d] = top;
    }
}

void Search::undoTo(size_t placedMark, size_t trailMark, size_t deadMark) {
  while (trail.size() > trailMark) {
    minOffset[trail.back().first] = trail.back().second;
    trail.pop_back();
  }
  // Entries past the sections are items' dead levels.
  unsigned numSections = in.sections.size();
  while (deadTrail.size() > deadMark) {
    auto [index, value] = deadTrail.back();
    if (index < numSections)
      dead[index] = value;
    else
      itemDead[index - numSections] = value;
    deadTrail.pop_back();
  }
  while (placedOrder.size() > placedMark) {
    unsigned c = placedOrder.back();
    // Undone in reverse order, c is right behind the unplaced slots.
    for (unsigned s : in.sectionsOf[c]) {
      remaining[s] += in.size[c];
      ++slotCount[s];
    }
    placed[c] = 0;
    placedOrder.pop_back();
  }
}

bool Search::solve(const Component &component) {
  unsigned unplaced = 0;
  for (unsigned c : component.items)
    unplaced += !placed[c];
  if (unplaced == 0)
    return true;
  // Deep in the tree most items are placed: continue on a compact copy so
  // that the per-node loops only visit what is left.
  if (unplaced * 2 < component.items.size()) {
    Component compact;
    compact.items.reserve(unplaced);
    for (unsigned c : component.items)
      if (!placed[c])
        compact.items.push_back(c);
    for (unsigned s : component.sections)
      if (remaining[s] != 0)
        compact.sections.push_back(s);
    return solve(compact);
  }
  auto key = stateKey(component);
  if (failed.count(key))
    return false;
  if (solveNode(component))
    return true;
  // A subtree cut short proves nothing.
  if (!budget.exhausted && !cutOff && failed.size() < kMaxFailedStates)
    failed.insert(key);
  return false;
}

bool Search::solveNode(const Component &component) {
  size_t placedMark = placedOrder.size(), trailMark = trail.size(),
         deadMark = deadTrail.size();
  // Raising a section's floor is a decision like placing a buffer, but it
  // is taken in this loop rather than by recursing: a floor can rise in
  // steps of one alignment thousands of times, which overflowed the stack.
  // The states after each rise are remembered as failed like those solve()
  // enters.
  std::vector<std::pair<uint64_t, uint64_t>> risenStates;
  auto fail = [&] {
    undoTo(placedMark, trailMark, deadMark);
    if (!budget.exhausted && !cutOff)
      for (const auto &key : risenStates)
        if (failed.size() < kMaxFailedStates)
          failed.insert(key);
    return false;
  };
  for (bool risen = false;; risen = true) {
    if (risen) {
      auto key = stateKey(component);
      if (failed.count(key))
        return fail();
      risenStates.push_back(key);
    }
    unsigned section;
    if (!evaluate(component, section))
      return fail();

    std::vector<Component> parts;
    if (split(component, parts)) {
      // Independent parts: each needs a layout of its own, and a part
      // without one dooms the node whatever the others do. Tightest part
      // first.
      std::vector<uint64_t> slack(parts.size(), kInf);
      for (auto [i, part] : llvm::enumerate(parts))
        for (unsigned s : part.sections)
          slack[i] = std::min(slack[i], cap - (lowest[s] + remaining[s]));
      std::vector<unsigned> order(parts.size());
      for (unsigned i = 0; i < order.size(); ++i)
        order[i] = i;
      llvm::sort(order, [&](unsigned a, unsigned b) {
        return std::make_pair(slack[a], a) < std::make_pair(slack[b], b);
      });
      for (unsigned i : order)
        if (!solve(parts[i]))
          return fail();
      return true;
    }

    // Buffers that can rest at the section's lowest point, in static order.
    // Without that spot, a buffer whose floor is the lowest point must rest
    // on an unplaced neighbour, and one without any cannot move: then there
    // is no gap branch.
    uint64_t low = lowest[section];
    std::vector<unsigned> candidates;
    uint64_t next = kInf;
    bool gapPossible = true;
    for (unsigned c : unplacedIn(section)) {
      if (floor[c] != low) {
        next = std::min(next, floor[c]);
        continue;
      }
      if (!raised[c])
        candidates.push_back(c);
      uint64_t support = kInf;
      for (unsigned d : in.neighbours[c])
        if (!placed[d])
          support = std::min(support, in.size[d]);
      if (support == kInf)
        gapPossible = false;
      else
        next = std::min(next, satAlignUp(satAdd(low, support), in.align[c]));
    }
    llvm::sort(candidates,
               [&](unsigned a, unsigned b) { return (*rank)[a] < (*rank)[b]; });
    size_t levelPlaced = placedOrder.size(), levelTrail = trail.size(),
           levelDead = deadTrail.size();
    for (unsigned c : candidates) {
      if (!step())
        return fail();
      floor[c] = low;
      place(c);
      if (solve(component))
        return true;
      undoTo(levelPlaced, levelTrail, levelDead);
    }
    // No buffer rests at the lowest point: the section's floor rises.
    if (!gapPossible || next >= cap || !step())
      return fail();
    unsigned numSections = in.sections.size();
    deadTrail.push_back({section, dead[section]});
    dead[section] = next;
    for (unsigned c : in.sections[section])
      if (itemDead[c] < next) {
        deadTrail.push_back({numSections + c, itemDead[c]});
        itemDead[c] = next;
      }
  }
}

Search::Outcome Search::run(uint64_t capacity, Layout &layout) {
  unsigned m = in.size.size(), numSections = in.sections.size();
  cap = capacity;
  placed.assign(m, 0);
  raised.assign(m, 0);
  offset.assign(m, 0);
  minOffset.assign(m, 0);
  floor.assign(m, 0);
  stamp.assign(m + numSections, 0);
  stampValue = 0;
  dead.assign(numSections, 0);
  itemDead.assign(m, 0);
  lowest.assign(numSections, 0);
  remaining.assign(numSections, 0);
  slotItem = in.sections.data;
  slotIncidence.assign(slotItem.size(), 0);
  slotOf.assign(in.sectionsOf.data.size(), 0);
  slotCount.assign(numSections, 0);
  for (unsigned s = 0; s < numSections; ++s) {
    slotCount[s] = in.sections[s].size();
    for (unsigned c : in.sections[s])
      remaining[s] = satAdd(remaining[s], in.size[c]);
  }
  for (unsigned c = 0; c < m; ++c)
    for (unsigned k = in.sectionsOf.start[c], e = in.sectionsOf.start[c + 1];
         k < e; ++k) {
      unsigned s = in.sectionsOf.data[k];
      llvm::ArrayRef<unsigned> members = in.sections[s];
      unsigned slot = in.sections.start[s] +
                      (std::lower_bound(members.begin(), members.end(), c) -
                       members.begin());
      slotOf[k] = slot;
      slotIncidence[slot] = k;
    }
  trail.clear();
  deadTrail.clear();
  placedOrder.clear();
  failed.clear();
  Component all;
  for (unsigned c = 0; c < m; ++c)
    all.items.push_back(c);
  for (unsigned s = 0; s < numSections; ++s)
    all.sections.push_back(s);
  // Restarts (run times are heavy-tailed): the static orders first, each
  // with ties among equally low sections broken by least slack or by fewest
  // buffers that can go there; then perturbed orders. Node limits follow the
  // Luby sequence, so every limit eventually grows without bound and the
  // search stays complete. Failed states stay valid across rounds, since they
  // only record subtrees searched completely.
  std::vector<unsigned> perturbed(m);
  unsigned orders = in.ranks.size(), fixedStrategies = 3 * orders;
  for (unsigned round = 0;; ++round) {
    sectionRule = SectionRule((round / orders) % 3);
    if (round < fixedStrategies) {
      rank = &in.ranks[round % orders];
    } else {
      perturbOrder(in, round, perturbed);
      rank = &perturbed;
    }
    roundNodes = 0;
    roundLimit = kFirstRoundNodes * luby(round + 1);
    cutOff = false;
    if (solve(all)) {
      layout.offsets = offset;
      layout.peak = peakOf(in, offset);
      return Outcome::Found;
    }
    if (budget.exhausted)
      return Outcome::OutOfBudget;
    if (!cutOff)
      return Outcome::Infeasible;
  }
}

/// One pool's layout, and whether it is proven optimal.
struct PoolResult {
  Layout layout;
  /// The layout is optimal.
  bool proven = false;
  /// No layout fits within the hint: the lower bound or the search says so.
  bool infeasible = false;
};

/// The search recurses once per decision, so its depth grows with the pool;
/// larger problems only get a first-fit layout.
constexpr unsigned kMaxSearchItems = 4000;

/// Plans one pool, starting from the better of `start` and first fit.
/// Decision mode stops at the first layout within `hint`; minimize mode first
/// tries the lower bound, then searches again below every layout found,
/// until one reaches the lower bound or a search proves none smaller exists.
PoolResult solvePool(const Instance &in, uint64_t hint, bool minimize,
                     Budget &budget, Layout start = Layout()) {
  PoolResult result;
  Layout greedy = firstFit(in, hint);
  result.layout = start.peak <= greedy.peak ? start : greedy;
  uint64_t cap = hint;
  // In minimize mode a layout at the lower bound ends everything, and tight
  // capacities are where the search prunes best: try that first, with a
  // quarter of the budget. (At a hint equal to the bound, the loop below
  // searches there with the whole budget.)
  if (minimize && in.lowerBound < hint &&
      (!result.layout.found() || result.layout.peak > in.lowerBound)) {
    Budget first = budget.quarter();
    Layout atBound;
    Search search(in, first);
    if (search.run(in.lowerBound, atBound) == Search::Outcome::Found)
      result.layout = atBound;
    budget.nodes += first.nodes;
  }
  // Below the lower bound nothing fits (this also keeps the sections' sums,
  // which saturate, exact during the search).
  while (in.lowerBound <= cap) {
    if (result.layout.found()) {
      if (!minimize || result.layout.peak <= in.lowerBound)
        break;
      cap = result.layout.peak - 1;
    }
    Search search(in, budget);
    Search::Outcome outcome = search.run(cap, result.layout);
    if (outcome == Search::Outcome::OutOfBudget)
      break;
    if (outcome == Search::Outcome::Infeasible) {
      result.proven = minimize;
      result.infeasible = !result.layout.found();
      break;
    }
  }
  result.proven |= result.layout.peak <= in.lowerBound;
  result.infeasible |= in.lowerBound > hint;
  return result;
}

/// A fixed cost per node, which dominates on small problems (without it,
/// `auto` once gave 20 random buffers 9.8 million nodes and took 5.4 s with
/// its 1 s budget).
constexpr uint64_t kNodeOverhead = 500;

class ExactAlgorithm : public Algorithm {
public:
  llvm::StringRef getName() const override { return "exact"; }
  llvm::Expected<Plan>
  planFinalized(const Problem &problem,
                const PlanOptions &options) const override {
    return planExact(problem, options);
  }
};

} // namespace

/// A node visits the unplaced buffers and the unplaced members of their
/// sections (the live sets between consecutive event times, cliques around
/// explicit conflicts).
uint64_t usmp::planner::exactNodeCost(const Problem &problem) {
  // A buffer belongs to one section per event time within its live range.
  std::vector<int64_t> times;
  for (const Buffer &buffer : problem.buffers) {
    if (!buffer.live)
      continue;
    times.push_back(buffer.live->start);
    if (buffer.live->end != std::numeric_limits<int64_t>::max())
      times.push_back(buffer.live->end + 1);
  }
  llvm::sort(times);
  times.erase(std::unique(times.begin(), times.end()), times.end());
  uint64_t cost = kNodeOverhead;
  for (unsigned b = 0, n = problem.buffers.size(); b < n; ++b) {
    const std::optional<Interval> &live = problem.buffers[b].live;
    cost += 1 + problem.explicitConflicts(b).size();
    if (live)
      cost += std::upper_bound(times.begin(), times.end(), live->end) -
              std::lower_bound(times.begin(), times.end(), live->start);
  }
  return cost;
}

uint64_t usmp::planner::defaultExactNodeLimit(const Problem &problem) {
  return std::clamp<uint64_t>(kDefaultExactMs * kExactCostPerMs /
                                  exactNodeCost(problem),
                              kMinExactNodes, kDefaultExactNodeLimit);
}

llvm::Expected<Plan> usmp::planner::planExact(const Problem &problem,
                                              const PlanOptions &options,
                                              const ExactOptions &exactOptions,
                                              ExactStats *stats) {
  if (!problem.isFinalized())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "exact: the problem is not finalized");
  unsigned n = problem.buffers.size(), numPools = problem.pools.size();
  // Too large to search: first fit in decreasing size by the gap engine,
  // which works on live ranges directly instead of building the (possibly
  // quadratic) conflict graph.
  if (n > kMaxSearchItems) {
    std::vector<unsigned> order(n);
    for (unsigned b = 0; b < n; ++b)
      order[b] = b;
    llvm::sort(order, [&](unsigned a, unsigned b) {
      return std::make_pair(problem.buffers[b].size, a) <
             std::make_pair(problem.buffers[a].size, b);
    });
    GapPlacer placer(problem);
    llvm::Expected<Plan> plan = placer.run(order, FitRule::FirstFit);
    if (plan) {
      plan->algorithm = "exact";
      plan->provenOptimal =
          numPools == 1 &&
          plan->poolSizes[0] <= computeLowerBounds(problem).total;
    }
    return plan;
  }
  Budget budget;
  // A node limit makes the result independent of the clock: the time limit
  // counts only without one.
  if (options.nodeLimit)
    budget.nodeLimit = options.nodeLimit;
  else if (options.timeLimitMs)
    budget.deadline = deadlineAfter(options.timeLimitMs);
  else
    budget.nodeLimit = defaultExactNodeLimit(problem);

  Plan plan;
  plan.algorithm = "exact";
  plan.placements.assign(n, Placement());
  plan.poolSizes.assign(numPools, 0);

  // Pool assignment: every buffer in its first candidate pool. When that
  // overfills a pool, the fallback rule decides it: first fit in decreasing
  // size, each buffer in its first candidate pool where it stays within the
  // hint; then each pool is searched with the buffers it received.
  std::vector<unsigned> poolOf(n);
  for (unsigned b = 0; b < n; ++b)
    poolOf[b] = problem.candidates(b).front();
  bool forced =
      numPools == 1 || llvm::all_of(llvm::seq(0u, n), [&](unsigned b) {
        return problem.candidates(b).size() == 1;
      });

  // Without a hint the only limit is that every end fits in 64 bits. The
  // search marks "nothing found" with 2^64 - 1, so it plans within
  // 2^64 - 2; a layout that must end at the last address comes from the
  // first-fit fallback below.
  auto poolHint = [&](unsigned p) {
    return std::min(problem.pools[p].sizeHint.value_or(kInf - 1), kInf - 1);
  };
  // The planner's own bounds (alignment-aware, from buffers that can only go
  // to a pool) hold for every assignment; the search's section sums add to
  // them.
  LowerBounds bounds = computeLowerBounds(problem);
  auto build = [&](unsigned p) {
    std::vector<unsigned> items;
    for (unsigned b = 0; b < n; ++b)
      if (poolOf[b] == p && problem.buffers[b].size > 0)
        items.push_back(b);
    Instance in = buildInstance(problem, p, items);
    in.lowerBound = std::max(in.lowerBound, bounds.perPool[p]);
    return in;
  };

  std::vector<PoolResult> results(numPools);
  std::vector<Instance> instances(numPools);
  bool allFit = true;
  for (unsigned p = 0; p < numPools && allFit; ++p) {
    instances[p] = build(p);
    results[p] =
        solvePool(instances[p], poolHint(p), exactOptions.minimize, budget);
    allFit = results[p].layout.found();
  }

  if (!allFit) {
    std::vector<unsigned> order(n);
    for (unsigned b = 0; b < n; ++b)
      order[b] = b;
    llvm::sort(order, [&](unsigned a, unsigned b) {
      return std::make_pair(problem.buffers[b].size, a) <
             std::make_pair(problem.buffers[a].size, b);
    });
    llvm::Expected<Plan> greedy =
        placeInOrder(problem, order, OffsetRule::LowestGap, "exact");
    if (!greedy) {
      if (stats) {
        stats->nodes = budget.nodes;
        stats->budgetExhausted = budget.exhausted;
      }
      // The fallback's failure names a buffer; say whether the search
      // settled the question (with one candidate per buffer, each pool is
      // decided alone; the search ends below 2^64 - 1, so only a hint below
      // that is decided) or gave up.
      std::string message = llvm::toString(greedy.takeError());
      auto decided = llvm::find_if(llvm::seq(0u, numPools), [&](unsigned p) {
        const std::optional<uint64_t> &hint = problem.pools[p].sizeHint;
        return results[p].infeasible && hint && *hint < kInf;
      });
      if (forced && decided != llvm::seq(0u, numPools).end())
        message += "; the exact search proved that no layout of pool '" +
                   problem.pools[*decided].name + "' fits within its size hint";
      else if (budget.exhausted)
        message += "; the exact search ran out of its budget after " +
                   std::to_string(budget.nodes) +
                   (budget.nodes == 1 ? " node" : " nodes") +
                   ", so a layout within the size hints may exist";
      else if (!forced)
        message += "; the exact search keeps each buffer in the pool first "
                   "fit in size order gives it, so a layout with other pool "
                   "choices may exist ('auto' tries them)";
      return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
    }
    for (unsigned b = 0; b < n; ++b)
      poolOf[b] = greedy->placements[b].pool;
    for (unsigned p = 0; p < numPools; ++p) {
      instances[p] = build(p);
      Layout start;
      for (unsigned b : instances[p].buffer)
        start.offsets.push_back(greedy->placements[b].offset);
      start.peak = peakOf(instances[p], start.offsets);
      results[p] = solvePool(instances[p], poolHint(p), exactOptions.minimize,
                             budget, start);
    }
  }

  bool proven = forced;
  for (unsigned p = 0; p < numPools; ++p) {
    const Instance &in = instances[p];
    const PoolResult &result = results[p];
    proven &= result.proven;
    for (unsigned c = 0, m = in.buffer.size(); c < m; ++c)
      plan.placements[in.buffer[c]] = {p, result.layout.offsets[c]};
  }
  for (unsigned b = 0; b < n; ++b) {
    plan.placements[b].pool = poolOf[b];
    uint64_t &size = plan.poolSizes[poolOf[b]];
    size = std::max(size, plan.placements[b].offset + problem.buffers[b].size);
  }
  plan.provenOptimal = proven;
  if (stats) {
    stats->nodes = budget.nodes;
    stats->budgetExhausted = budget.exhausted;
  }
  return plan;
}

std::unique_ptr<Algorithm> usmp::planner::createExactAlgorithm() {
  return std::make_unique<ExactAlgorithm>();
}
