-- When the application or its monitoring last reported the deployment's health
alter table deployments add column health_reported_at timestamptz;
