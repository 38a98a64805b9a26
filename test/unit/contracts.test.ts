import { describe, it, expect } from 'vitest';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import * as common from '../../contracts/common.js';
import * as login from '../../contracts/login.js';
import * as users from '../../contracts/users.js';
import * as rbac from '../../contracts/rbac.js';
import * as templates from '../../contracts/templates.js';
import { checkDefaultValue } from '../../contracts/template-types.js';
import * as datasets from '../../contracts/datasets.js';
import * as files from '../../contracts/files.js';
import * as train from '../../contracts/train.js';
import * as inference from '../../contracts/inference.js';
import * as datalake from '../../contracts/datalake.js';
import * as ray from '../../contracts/ray.js';

// Samples below are copied from /work/shared/api/seed-api.md; `...` marks fields the issues add.

/** Query string of a seed sample URL, as Hono's query validator hands it over. */
const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

const TENANT = 'eb128f85-c955-4f2f-b109-0afa1aed409c';
const ok = <T extends z.ZodType>(schema: T, value: unknown): z.output<T> => {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(z.prettifyError(r.error));
  return r.data;
};
const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return r.error!.issues;
};

describe('login (1.x, 10.1)', () => {
  it('accepts the seed samples', () => {
    expect(ok(login.LoginAccessTokenForm, { username: 'admin', password: 'admin123' }).username).toBe('admin');
    ok(login.LoginAccessTokenResponse, {
      access_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
      token_type: 'bearer',
      refresh_token: 'eyJhbGciOiJIUzI1NiJ...',
      expires_in: 900,
    });
    ok(login.TestTokenResponse, {
      tenant_id: 'a1b2c3d4-e5f6-7890-1234-567890abcdef',
      first_name: 'John',
      last_name: 'Doe',
      email: 'john.doe@example.com',
      username: 'johndoe',
      id: 1,
      is_active: true,
    });
    ok(login.RefreshTokenQuery, query('http://localhost:8000/api/v1/refresh?refresh_token=eyJhbGciOiJIUzI1NiJ...'));
    ok(login.LogoutResponse, { status: 200, message: 'User successfully logged out' });
    ok(login.ResetPasswordQuery, query('http://localhost:8000/api/v1/reset-password?user_name=johndoe&new_password=NewSecurePassword123'));
    ok(login.ResetPasswordResponse, { status: 200, message: 'Password has been reset successfully' });
    ok(login.ValidateTokenResponse, { status: 'success', message: 'Token is valid.' });
  });

  it('requires refresh_token and expires_in on login', () => {
    issues(login.LoginAccessTokenResponse, { access_token: 'x', token_type: 'bearer' });
  });

  it('rejects a short password', () => {
    const [issue] = issues(login.ResetPasswordQuery, { user_name: 'johndoe', new_password: 'short' });
    expect(issue!.path).toEqual(['new_password']);
  });
});

describe('users (2.x)', () => {
  const createUser = {
    tenant_id: TENANT,
    first_name: 'jane',
    last_name: 'doe',
    email: 'jane.doe@example.com',
    username: 'janedoe',
    password: 'Password123!',
  };

  it('accepts the seed samples', () => {
    ok(users.CreateUserBody, createUser);
    const list = ok(users.ReadUsersResponse, {
      data: [
        {
          id: 1,
          tenant_id: TENANT,
          first_name: 'John',
          last_name: 'Doe',
          email: 'john.doe@example.com',
          username: 'johndoe',
          is_active: true,
        },
        {
          id: 2,
          tenant_id: TENANT,
          first_name: 'Jane',
          last_name: 'Doe',
          email: 'jane.doe@example.com',
          username: 'janedoe',
          is_active: true,
        },
      ],
      count: 2,
    });
    expect(list.count).toBe(2);
    expect(ok(users.UserIdParams, { user_id: '1' }).user_id).toBe(1);
  });

  it('rejects a bad email, a short password, a bad username and a non-UUID tenant', () => {
    expect(issues(users.CreateUserBody, { ...createUser, email: 'not-an-email' })[0]!.path).toEqual(['email']);
    expect(issues(users.CreateUserBody, { ...createUser, password: 'Pass1!' })[0]!.path).toEqual(['password']);
    expect(issues(users.CreateUserBody, { ...createUser, username: 'jd' })[0]!.path).toEqual(['username']);
    expect(issues(users.CreateUserBody, { ...createUser, username: 'jane doe' })[0]!.path).toEqual(['username']);
    expect(issues(users.CreateUserBody, { ...createUser, tenant_id: 'tenant-1' })[0]!.path).toEqual(['tenant_id']);
    issues(users.UserIdParams, { user_id: 'abc' });
  });

  it('never returns a password', () => {
    const row = {
      id: 3,
      tenant_id: TENANT,
      first_name: null,
      last_name: null,
      email: 'a@b.co',
      username: 'ab_c',
      is_active: true,
      password: 'hash',
    };
    expect(ok(users.UserResponse, row)).not.toHaveProperty('password');
  });
});

describe('rbac (3.x and extras)', () => {
  it('accepts the seed samples', () => {
    ok(rbac.CreateRoleBody, { name: 'data_scientist', tenant_id: TENANT });
    ok(rbac.CreateRoleResponse, { id: 5, tenant_id: TENANT, name: 'data_scientist' });
    ok(rbac.CreatePermissionBody, { name: 'can_train_models', tenant_id: TENANT });
    ok(rbac.CreatePermissionResponse, { id: 25, name: 'can_train_models', tenant_id: TENANT });
  });

  it('takes ids or names, not both', () => {
    ok(rbac.AttachRolePermissionsBody, { permission_ids: [25] });
    ok(rbac.AttachRolePermissionsBody, { permission_names: ['can_train_models'] });
    issues(rbac.AttachRolePermissionsBody, { permission_ids: [25], permission_names: ['x'] });
    issues(rbac.AttachRolePermissionsBody, { permission_ids: [] });
    ok(rbac.AssignUserRolesBody, { role_names: ['data_scientist'] });
    issues(rbac.AssignUserRolesBody, {});
    ok(rbac.ReadUserRolesResponse, { user_id: 1, roles: [{ id: 5, tenant_id: TENANT, name: 'data_scientist' }] });
  });
});

describe('templates (5.x)', () => {
  const create = {
    template_name: 'Telecom Customer Usage',
    template_schema: [
      { column_name: 'CustomerID', data_type: 'String', default_value: 'CUST-0000' },
      { column_name: 'DataUsageGB', data_type: 'Float', default_value: '0.0' },
    ],
  };
  const summary = {
    template_name: 'Telecom Customer Usage',
    id: 1,
    tenant_id: TENANT,
    no_of_columns: 2,
    created_by: 'admin',
    created_at: '2025-09-18T10:00:00Z',
    modified_at: '2025-09-18T10:00:00Z',
    modified_by: 'admin',
  };

  it('accepts the seed samples', () => {
    ok(templates.CreateTemplateBody, create);
    ok(templates.CreateTemplateResponse, { status: 201, message: 'Template created successfully.', id: 1, version: 1 });
    ok(templates.GetAllTemplatesResponse, { total: 1, data: [{ ...summary, version: 1 }] });
    ok(templates.GetTemplateResponse, { ...summary, version: 1, template_schema: create.template_schema });
    ok(templates.UpdateTemplateBody, {
      template_name: 'Telecom Customer Usage V2',
      template_schema: [
        { column_name: 'CustomerID', data_type: 'String' },
        { column_name: 'DataUsageGB', data_type: 'Float' },
        { column_name: 'PlanType', data_type: 'String' },
      ],
    });
    ok(templates.UpdateTemplateResponse, {
      template_name: 'Telecom Customer Usage V2',
      template_schema: [
        { column_name: 'CustomerID', data_type: 'String', default_value: null },
        { column_name: 'DataUsageGB', data_type: 'Float', default_value: null },
        { column_name: 'PlanType', data_type: 'String', default_value: null },
      ],
      version: 2,
    });
    ok(templates.DeleteTemplateResponse, { status_code: 200, message: 'Template deleted successfully' });
    expect(ok(templates.TemplateIdParams, { template_id: '1' }).template_id).toBe(1);
  });

  it('rejects column names that differ only in case, at the duplicate', () => {
    const dup = issues(templates.CreateTemplateBody, {
      template_name: 'T',
      template_schema: [
        { column_name: 'CustomerID', data_type: 'String' },
        { column_name: 'customerid', data_type: 'Integer' },
      ],
    });
    expect(dup).toHaveLength(1);
    expect(dup[0]!.path).toEqual(['template_schema', 1, 'column_name']);
    expect(dup[0]!.message).toMatch(/duplicate/);
  });

  it('rejects an unknown data type and an empty name', () => {
    const bad = issues(templates.CreateTemplateBody, {
      template_name: 'T',
      template_schema: [{ column_name: 'a', data_type: 'Decimal' }],
    });
    expect(bad[0]!.path).toEqual(['template_schema', 0, 'data_type']);
    issues(templates.CreateTemplateBody, { template_name: '  ' });
  });

  it('checks default values against the data type', () => {
    expect(checkDefaultValue('Float', '0.0')).toBeNull();
    expect(checkDefaultValue('String', 'CUST-0000')).toBeNull();
    expect(checkDefaultValue('Integer', '12')).toBeNull();
    expect(checkDefaultValue('Integer', '1.5')).toMatch(/Integer/);
    expect(checkDefaultValue('Float', 'abc')).toMatch(/Float/);
    expect(checkDefaultValue('Boolean', 'False')).toBeNull();
    expect(checkDefaultValue('Boolean', 'maybe')).toMatch(/Boolean/);
    expect(checkDefaultValue('Date', '2025-02-28')).toBeNull();
    expect(checkDefaultValue('Date', '2025-02-30')).toMatch(/Date/);
    expect(checkDefaultValue('DateTime', '2025-09-18T10:00:00Z')).toBeNull();
    expect(checkDefaultValue('DateTime', '2025-09-18T25:00:00Z')).toMatch(/DateTime/);
    expect(checkDefaultValue('Integer', null)).toBeNull();
  });
});

describe('datasets (6.x)', () => {
  const file = {
    dataset_id: 61,
    id: 80,
    file_name: 'network_congestion_dataset.csv',
    created_at: '2025-09-18T18:30:00Z',
    modified_at: '2025-09-18T18:30:00Z',
    total_fields: 5,
    total_records: 10000,
    error_report: null,
  };

  it('accepts the seed samples', () => {
    const q = ok(
      datasets.UploadDatasetQuery,
      query('http://localhost:8000/api/v1/dataset/upload?dataset_name=forecast-p11&template_id=2&usage=p'),
    );
    expect(q).toEqual({ dataset_name: 'forecast-p11', template_id: 2, usage: 'p' });
    const one = new File(['a,b\n1,2\n'], 'network_congestion_dataset.csv', { type: 'text/csv' });
    expect(ok(datasets.UploadDatasetForm, { files: one }).files).toHaveLength(1);
    expect(ok(datasets.UploadDatasetForm, { files: [one, one] }).files).toHaveLength(2);
    ok(datasets.UploadDatasetResponse, {
      dataset_id: 61,
      dataset_name: 'forecast-p11',
      data_source: 'csv',
      files: [file],
      workflow_id: 'upload-validate-61-80',
    });
    ok(datasets.ListDatasetsResponse, {
      total: 1,
      data: [
        {
          tenant_id: TENANT,
          dataset_name: 'forecast-p11',
          file_count: 1,
          is_valid: true,
          created_by: 'admin',
          template_id: 2,
          data_source: 'csv',
          iceberg_table_name: 'forecast_p11_iceberg',
          id: 61,
          template_name: 'Network Congestion Template',
          created_at: '2025-09-18T18:30:00Z',
          modified_at: '2025-09-18T18:30:00Z',
          dataset_usability: '85%',
          usage: 'p',
          dataset_usage: 'Prediction',
        },
      ],
    });
    ok(datasets.ListValidatedDatasetsResponse, [
      { tenant_id: TENANT, dataset_name: 'forecast-p11', file_count: 1, is_valid: true, created_by: 'admin', template_id: 2, id: 61 },
    ]);
    ok(datasets.DeleteDatasetResponse, { status_code: 200, message: 'Dataset deleted successfully' });
    ok(datasets.GetDatasetByIdResponse, {
      dataset_name: 'forecast-p11',
      dataset_path: '/path/to/data/forecast-p11',
      validated_path: '/path/to/validated/forecast-p11',
      iceberg_table_name: 'forecast_p11_iceberg',
      data_source: 'csv',
    });
    ok(datasets.ViewDatasetResponse, {
      preview: [
        {
          timestamp: '2025-08-09T16:23:00Z',
          tower_id: 'TOWER_001',
          traffic_load_gbps: 1.2,
          connected_users: 150,
          Congestion_Level_Percent: 15.5,
        },
      ],
    });
    ok(datasets.GenerateStatisticsResponse, {
      status: 'success',
      message: 'Statistics generation job submitted successfully.',
      job_id: 'stat-job-12345',
      workflow_id: 'statistics-61-abc',
    });
  });

  it('rejects an upload without files or with an unknown usage', () => {
    issues(datasets.UploadDatasetForm, {});
    issues(datasets.UploadDatasetForm, { files: 'not a file' });
    expect(issues(datasets.UploadDatasetQuery, { dataset_name: 'd', usage: 'x' })[0]!.path).toEqual(['usage']);
  });

  it('defaults and bounds the preview window', () => {
    expect(ok(datasets.ViewDatasetQuery, { dataset_id: '61' })).toEqual({ dataset_id: 61, limit: 50, offset: 0 });
    issues(datasets.ViewDatasetQuery, { dataset_id: '61', limit: '1001' });
    issues(datasets.ViewDatasetQuery, { dataset_id: '61', offset: '-1' });
  });

  it('describes polled statistics', () => {
    ok(datasets.GetStatisticsResponse, {
      dataset_id: 61,
      status: 'Completed',
      workflow_id: 'statistics-61-abc',
      computed_at: '2025-09-18T18:35:00Z',
      columns: [
        {
          column_name: 'traffic_load_gbps',
          data_type: 'Float',
          count: 10000,
          nulls: 0,
          distinct_count: 812,
          min: 0.1,
          max: 9.8,
          mean: 1.4,
          std: 0.6,
          quantiles: { p25: 1.0, p50: 1.3, p75: 1.7 },
          top_values: [{ value: '1.2', count: 40 }],
        },
        {
          column_name: 'tower_id',
          data_type: 'String',
          count: 10000,
          nulls: 3,
          distinct_count: 12,
          min: null,
          max: null,
          mean: null,
          std: null,
          quantiles: { p25: null, p50: null, p75: null },
          top_values: [{ value: 'TOWER_001', count: 900 }],
        },
      ],
    });
  });
});

describe('files (7.x)', () => {
  const file = {
    dataset_id: 101,
    id: 80,
    file_name: 'telecom_data.csv',
    created_at: '2025-09-18T14:30:00Z',
    modified_at: '2025-09-18T14:30:00Z',
    total_fields: 15,
    total_records: 10000,
    error_report: null,
  };

  it('accepts the seed samples', () => {
    ok(files.AddFilesQuery, query('http://localhost:8000/api/v1/files/add?dataset_id=101'));
    ok(files.AddFilesResponse, {
      dataset_id: 101,
      dataset_name: 'telecom_usage_q3',
      data_source: 'csv',
      files: [{ ...file, id: 81, file_name: 'new_data.csv', total_records: 5000 }],
      workflow_id: 'upload-validate-101-81',
    });
    ok(files.ListFilesResponse, { total: 1, data: [file] });
    ok(files.ViewFileResponse, {
      file_id: 80,
      content_preview: ['CustomerID,DataUsageGB,PlanType,Churn', 'CUST-0001,10.5,Premium,False', 'CUST-0002,2.1,Basic,True'],
    });
    ok(files.DeleteFileResponse, { status_code: 200, message: 'File deleted successfully' });
    ok(
      files.DownloadFileQuery,
      query('http://localhost:8000/api/v1/files/download/?file_path=/mnt/data/file_store/dataset_101/telecom_data.csv'),
    );
    ok(files.GetFileByIdResponse, {
      ...file,
      csv_file_path: '/mnt/data/file_store/dataset_101/telecom_data.csv',
      hdf_file_path: '/mnt/data/file_store/dataset_101/telecom_data.hdf',
    });
  });

  it('describes an error report', () => {
    ok(files.DatasetFile, {
      ...file,
      error_report: {
        valid: false,
        total_rows: 3,
        valid_rows: 2,
        invalid_rows: 1,
        counts: { type_mismatch: 1 },
        examples: [{ row: 2, column: 'DataUsageGB', value: 'abc', rule: 'type_mismatch', message: '"abc" is not a Float' }],
      },
    });
  });
});

describe('train (8.x, 10.5)', () => {
  const create = {
    dataset_id: 101,
    predictor_name: 'churn_v1',
    domain: 'Churn',
    problem_type: 'Classification',
    columns: [
      { column_name: 'CustomerID', data_type: 'String', attribute_name: 'Id' },
      { column_name: 'Churn', data_type: 'Boolean', attribute_name: 'Target' },
    ],
    shap_enabled: true,
  };
  const job = {
    tenant_id: TENANT,
    predictor_name: 'churn_v1',
    preprocess_id: 1,
    problem_type: 'Classification',
    domain: 'Churn',
    created_by: 'admin',
    id: 5001,
    dataset_id: 101,
    dataset_name: 'telecom_usage_q3',
    data_source: 'csv',
    created_at: '2025-09-18T14:30:00Z',
    modified_at: '2025-09-18T14:30:00Z',
    algorithm: 'XGBoost',
    accuracy: 0.92,
    ml_model_status: 'completed',
    train_status: 'completed',
    training_status: 'Completed',
  };

  it('accepts the seed samples', () => {
    const body = ok(train.CreateTrainingBody, create);
    expect(body).toMatchObject({ algorithm: 'auto', is_incremental: false, shap_enabled: true });
    ok(train.CreateTrainingResponse, {
      id: 5001,
      tenant_id: TENANT,
      predictor_name: 'churn_v1',
      problem_type: 'Classification',
      created_by: 'admin',
      dataset_id: 101,
      created_at: '2025-09-18T14:30:00Z',
      modified_at: '2025-09-18T14:30:00Z',
      training_status: 'Submitted', // the seed prints "submitted_to_ray"
      workflow_id: 'train-5001',
    });
    ok(train.GetTrainingDetailsBody, { dataset_id: 101, predictor_name: 'churn_v1', domain: 'Churn', problem_type: 'Classification' });
    ok(train.GetTrainingDetailsResponse, {
      dataset_id: 101,
      predictor_name: 'churn_v1',
      domain: 'Churn',
      problem_type: 'Classification',
      dataset_schema: [
        { column_name: 'CustomerID', data_type: 'String' },
        { column_name: 'Tenure', data_type: 'Integer' },
        { column_name: 'Churn', data_type: 'Boolean' },
      ],
      attributes: ['Id', 'Target', 'Feature'],
    });
    const list = ok(train.ListTrainingJobsResponse, { total: 1, data: [job] });
    expect(list.data[0]!.algorithm).toBe('xgboost');
    ok(train.RefreshTrainingStatusesResponse, { total: 1, data: [job] });
    ok(train.DeleteTrainingParams, { id: '5001' });
    ok(train.DeleteTrainingResponse, { status_code: 200, message: 'Training job deleted successfully' });
    ok(train.UpdateModelBody, { train_id: 19, preprocess_id: 20 });
    ok(train.UpdateModelResponse, { data: 'Model updated successfully', status_code: 200, message: 'Success' });
    ok(train.TrainingResultCallbackBody, {
      result: { metrics: { accuracy: 0.925 }, checkpoint: '/path/to/model/checkpoint', error: null, path: '/path/to/model/output' },
      train_id: 19,
      preprocess_id: 'preprocess-xyz',
    });
    ok(train.TrainingResultCallbackResponse, { status: 'success', message: 'Result received' });
    ok(train.DownloadTrainingSchemaResponse, {
      schema: [
        { column_name: 'CustomerID', data_type: 'String' },
        { column_name: 'Tenure', data_type: 'Integer' },
      ],
    });
    ok(train.TrainIdQuery, query('http://localhost:8000/api/v1/train/view-feature-importance?train_id=19'));
    ok(train.ViewFeatureImportanceResponse, {
      feature_importance: { Tenure: 0.45, MonthlyCharges: 0.3, ContractType: 0.15, InternetService: 0.1 },
      status: 'completed',
    });
    ok(train.GenerateFeatureImportanceResponse, {
      status: 'success',
      message: 'Feature importance job submitted successfully.',
      shap_job_id: 'shap-job-67890',
    });
    ok(train.ShapResultCallbackBody, {
      training_id: 19,
      result: { Tenure: 0.45, MonthlyCharges: 0.3, ContractType: 0.15, InternetService: 0.1 },
    });
    ok(train.ShapResultCallbackResponse, { status: 'success', message: 'SHAP result received' });
    ok(train.DeleteFeatureImportanceResponse, { status_code: 200, message: 'Feature importance results deleted successfully' });
    ok(train.ModelSummaryResponse, {
      model_summary: { model: 'XGBoostClassifier', accuracy: 0.925, precision: 0.89, recall: 0.94, f1_score: 0.915 },
      confusion_matrix: [
        [950, 50],
        [30, 970],
      ],
    });
  });

  it('maps algorithm spellings case-insensitively and rejects unknown ones', () => {
    expect(ok(train.CreateTrainingBody, { ...create, algorithm: 'XGBoost' }).algorithm).toBe('xgboost');
    expect(ok(train.CreateTrainingBody, { ...create, algorithm: 'Random Forest' }).algorithm).toBe('random_forest');
    expect(issues(train.CreateTrainingBody, { ...create, algorithm: 'svm' })[0]!.path).toEqual(['algorithm']);
  });

  it('checks column roles', () => {
    const noTarget = { ...create, columns: [create.columns[0]] };
    expect(issues(train.CreateTrainingBody, noTarget)[0]!.message).toMatch(/Target/);
    const forecast = { ...create, problem_type: 'Forecast' };
    expect(issues(train.CreateTrainingBody, forecast)[0]!.message).toMatch(/Time/);
    ok(train.CreateTrainingBody, {
      ...forecast,
      columns: [...create.columns, { column_name: 'Week', data_type: 'Date', attribute_name: 'Time' }],
    });
    issues(train.CreateTrainingBody, { ...create, problem_type: 'Clustering' });
  });
});

describe('inference (9.x)', () => {
  it('accepts the seed samples', () => {
    ok(inference.RealtimePredictionBody, {
      preprocess_id: 19,
      train_id: 19,
      features: {
        Account_No: 1434355,
        Base_Offer_Name: 'B00010',
        RMN_Counter: 12421314,
        KDDI_Counter: 41235346,
        Account_Activation_Date: '08-Aug-24',
        Service_Barring: 'true',
      },
      target: 'Churn',
    });
    ok(inference.RealtimePredictionResponse, { prediction: true, accuracy: 0.925 });
    ok(inference.RealtimePredictionResponse, { prediction: true, accuracy: 0.925, probabilities: { true: 0.81, false: 0.19 } });
    ok(inference.BatchPredictionBody, { train_id: 19, dataset_id: 21 });
    ok(inference.BatchPredictionResponse, { message: 'Batch prediction job started successfully.', status_code: 202, prediction_id: 123 });
    ok(inference.FormBasedPredictionQuery, query('http://localhost:8000/api/v1/inference/form-based-prediction?id=19'));
    ok(inference.FormBasedPredictionResponse, {
      id: 19,
      headers: [
        { column_name: 'Account_No', data_type: 'Integer', default_value: '0' },
        { column_name: 'Base_Offer_Name', data_type: 'String', default_value: null },
      ],
      target: 'Churn',
      preprocess_id: 19,
    });
    ok(inference.ForecastBody, { train_id: 2, preprocess_id: 2, steps: 4, frequency: 'Week', unique_id: 'CUST_0001' });
    ok(inference.ForecastResponse, {
      forecast: [
        { date: '2025-10-05', value: 150.5, confidence: 0.95 },
        { date: '2025-10-12', value: 155.2, confidence: 0.94 },
      ],
    });
    ok(inference.PredictionResultResponse, {
      status: 'completed',
      result_path: '/path/to/results/prediction_123.csv',
      file_id: 81,
      dataset_id: 21,
    });
    ok(inference.ListPredictionsResponse, {
      data: [
        {
          prediction_id: 123,
          train_id: 19,
          date: '2025-09-18T15:00:00Z',
          dataset_id: 21,
          predictor_name: 'churn_v1',
          prediction_type: 'batch',
          input_data: 'dataset_id:21',
          status: 'completed',
          no_of_records: 1000,
          accuracy: 0.925,
          problem_type: 'Classification',
          domain_name: 'Churn',
        },
      ],
    });
  });

  it('takes one exogenous row per forecast step', () => {
    const body = { train_id: 2, preprocess_id: 2, steps: 2, frequency: 'Week', unique_id: 'CUST_0001' };
    ok(inference.ForecastBody, { ...body, exogenous: [{ promo: 1 }, { promo: 0 }] });
    expect(issues(inference.ForecastBody, { ...body, exogenous: [{ promo: 1 }] })[0]!.path).toEqual(['exogenous']);
  });
});

describe('datalake (11.x) and ray (12.1)', () => {
  it('accepts the seed samples', () => {
    ok(datalake.ListSchemasResponse, ['bronze', 'silver', 'gold', 'default']);
    ok(datalake.ListTablesQuery, query('http://localhost:8000/api/v1/datalake/schemas/tables?schema_name=gold'));
    ok(datalake.ListTablesResponse, ['customer_churn_predictions', 'telecom_usage_forecasts', 'user_profiles']);
    ok(
      datalake.TableColumnsQuery,
      query('http://localhost:8000/api/v1/datalake/tables/columns?schema_name=gold&table_name=customer_churn_predictions'),
    );
    ok(datalake.TableColumnsResponse, [
      { column_name: 'customer_id', data_type: 'varchar' },
      { column_name: 'churn_probability', data_type: 'double' },
    ]);
    ok(datalake.TableMetadataResponse, {
      schema: 'gold',
      table: 'customer_churn_predictions',
      owner: 'airflow',
      created_time: '2025-09-10T10:00:00Z',
      last_access_time: '2025-09-18T18:00:00Z',
      location: 's3://datalake/gold/customer_churn_predictions',
      format: 'iceberg',
    });
    ok(
      datalake.NumericStatsQuery,
      query(
        'http://localhost:8000/api/v1/datalake/numeric_stats?schema_name=gold&table_name=customer_churn_predictions&column_name=churn_probability',
      ),
    );
    ok(datalake.NumericStatsResponse, {
      column: 'churn_probability',
      count: 10000,
      mean: 0.235,
      std_dev: 0.15,
      min: 0.01,
      max: 0.99,
      median: 0.21,
    });
    ok(
      datalake.DistinctCountQuery,
      query('http://localhost:8000/api/v1/datalake/distinct-count?schema=gold&table=user_profiles&column=country'),
    );
    ok(datalake.DistinctCountResponse, { column: 'country', distinct_count: 85 });
    ok(ray.TerminateRayJobQuery, query('http://localhost:8000/api/v1/ray/terminate_ray_job?ray_job_id=ray-job-abc123&usage=training'));
    ok(ray.TerminateRayJobResponse, { status: 'success', message: "Termination request for Ray job 'ray-job-abc123' has been sent." });
  });

  it('rejects names that are not plain identifiers', () => {
    issues(datalake.ListTablesQuery, { schema_name: 'gold; drop table x' });
    issues(datalake.DistinctCountQuery, { schema: 'gold', table: 'user_profiles' });
    issues(ray.TerminateRayJobQuery, { ray_job_id: '../jobs', usage: 'training' });
  });
});

describe('OpenAPI document', () => {
  it('generates a component for every exported schema', () => {
    const app = new OpenAPIHono();
    const modules = { common, login, users, rbac, templates, datasets, files, train, inference, datalake, ray };
    let count = 0;
    for (const mod of Object.values(modules)) {
      for (const [name, value] of Object.entries(mod)) {
        if (value instanceof z.ZodType) {
          app.openAPIRegistry.register(name, value);
          count++;
        }
      }
    }
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'contracts', version: '1' } });
    const components = doc.components?.schemas ?? {};
    expect(count).toBeGreaterThan(100);
    expect(components).toHaveProperty('CreateTemplateBody');
    expect(components).toHaveProperty('LoginAccessTokenResponse');
    expect(components).toHaveProperty('UploadDatasetForm');
  });
});
