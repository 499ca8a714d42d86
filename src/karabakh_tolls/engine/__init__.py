"""The reconciliation engine (internal: nothing here is part of the public API).

One translation of claims into constraints, and the solvers that read it:

- :mod:`~karabakh_tolls.engine.codes` — integer codes of a war's scope trees: node ids,
  parents, depths, and each node's cells as one interval of a depth-first order.
- :mod:`~karabakh_tolls.engine.constraints` — **the constraint stage**: a claim set (per war,
  outcome and trust policy) as columnar constraint arrays, built once and cached on the claim
  set; every engine below reads it, none re-derives it.
- :mod:`~karabakh_tolls.engine.components` — claims that share no cell of any scope tree on any
  common day never interact: the constraints split into independent components.
- :mod:`~karabakh_tolls.engine.exact` — one component as a linear program (HiGHS through
  ``highspy``), built once and re-solved by changing only the objective; integer checks where a
  bound is fractional; dual multipliers as provenance.
- :mod:`~karabakh_tolls.engine.conflicts` — per component: feasibility, the minimum-weight set of
  claims to set aside (a MILP) and an irreducible conflicting subset for each.
- :mod:`~karabakh_tolls.engine.propagate` — vectorised interval propagation over the (scope,
  date) grid: the sound fallback for components too large for the linear program.
- :mod:`~karabakh_tolls.engine.solve` — the table of every touched (scope, date): each component
  solved exactly or propagated, bounds added up over components, and the method of each row.

The query layer (:mod:`karabakh_tolls.reconcile`) sits above this package.
"""
