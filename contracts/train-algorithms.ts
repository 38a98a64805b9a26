// Which algorithms each problem type accepts (8.1 answers 422 for any other pair). No imports: the web console
// (web/) offers exactly these in its training form.
export const ALGORITHMS_BY_PROBLEM = {
  Classification: ['auto', 'xgboost', 'lightgbm', 'random_forest', 'extra_trees', 'linear', 'gam'],
  Regression: ['auto', 'xgboost', 'lightgbm', 'random_forest', 'extra_trees', 'linear', 'gam'],
  Forecast: ['auto', 'lightgbm', 'xgboost', 'ets', 'arima'],
} as const;
