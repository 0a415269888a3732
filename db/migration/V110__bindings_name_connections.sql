-- Load-balancer connections now come from the operator's configuration
-- (releasegate.traffic.connections.<name>.*). A binding stores the name of its connection
-- and identifiers only. Bindings saved before keep their identifiers; everything else
-- (addresses, files, commands, kubeconfigs, URLs, secrets) is removed, so no stored
-- command can run again. Such a binding "needs a connection": the reconciler leaves its
-- load balancer alone and reports that sentence until it is saved again with one.
update router_bindings
   set settings = (select coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
                     from jsonb_each(settings)
                    where key in ('backend', 'drain', 'upstream', 'namespace', 'route', 'ruleIndex', 'key', 'name')),
       last_error = null
 where not settings ? 'connection';

-- errors recorded before may hold remote content or process output
update traffic_changes set last_error = 'the load balancer could not be reached' where last_error is not null;
