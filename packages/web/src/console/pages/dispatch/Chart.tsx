import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/** An ECharts chart in a div: created once, given the option on every change, disposed with the page. */
export function Chart(props: { option: echarts.EChartsOption; height?: number; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    chart.current = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(props.option, true);
  }, [props.option]);
  return <div ref={element} role="img" aria-label={props.label} style={{ width: '100%', height: props.height ?? 320 }} />;
}
