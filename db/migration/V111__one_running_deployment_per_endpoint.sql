-- An endpoint belongs to at most one RUNNING deployment per application environment:
-- two running versions on one endpoint would make the load balancer count it twice.
-- Where existing data already breaks the rule the index is not created (a warning says
-- so): retire one of the two deployments and run the statement below by hand.
do $$
begin
    if not exists (select 1 from deployments where state = 'RUNNING'
                    group by application, environment, endpoint having count(*) > 1) then
        create unique index deployments_running_endpoint_once
            on deployments (application, environment, endpoint) where state = 'RUNNING';
    else
        raise warning 'deployments_running_endpoint_once not created: two RUNNING deployments share an endpoint';
    end if;
end
$$;
