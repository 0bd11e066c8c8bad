import numpy as np,torch,time,sys
# GPU throughput of yolov8-bench-640: the same network as models/fixtures/generate.py builds (same layers, same seeded
# weights), run in PyTorch on CUDA because no GPU build of ONNX Runtime for .NET could be installed on the GPU box.
F=torch.nn.functional
r=np.random.default_rng(2026)
L=[(3,16,2),(16,32,2),(32,32,1),(32,64,2),(64,64,1),(64,128,2),(128,128,1),(128,256,2),(256,256,1)]
W=[(torch.tensor(r.normal(0,np.sqrt(2/(i*9)),(o,i,3,3)),dtype=torch.float32),torch.zeros(o),s) for i,o,s in L]
H=[(torch.tensor(r.normal(0,np.sqrt(2/c),(84,c,1,1)),dtype=torch.float32),torch.zeros(84)) for c in (64,128,256)]
def f(x,Wd,Hd):
    p=[]
    for k,(w,b,s) in enumerate(Wd):
        x=F.conv2d(x,w,b,stride=s,padding=1);x=x*torch.sigmoid(x)
        if k in (4,6,8):p.append(x)
    o=torch.cat([F.conv2d(q,w,b).flatten(2) for q,(w,b) in zip(p,Hd)],2)
    return torch.cat([torch.sigmoid(o[:,:4])*640,torch.sigmoid(o[:,4:]-2)],1)
with torch.inference_mode():
    y=f(torch.full((1,3,640,640),0.5),W,H)
    print("check (x=0.5): shape",tuple(y.shape),"sum %.4f"%y.sum().item(),"first anchor",[round(v,4) for v in y[0,:6,0].tolist()])
    if len(sys.argv)>1:sys.exit()
    print(torch.cuda.get_device_name(0),"torch",torch.__version__,"cuda",torch.version.cuda)
    torch.backends.cudnn.benchmark=True
    for dt in (torch.float32,torch.float16):
        Wd=[(w.cuda().to(dt),b.cuda().to(dt),s) for w,b,s in W];Hd=[(w.cuda().to(dt),b.cuda().to(dt)) for w,b in H]
        for n in (1,4,16,64):
            x=torch.rand(n,3,640,640,device="cuda",dtype=dt)
            for _ in range(10):f(x,Wd,Hd)
            torch.cuda.synchronize();k=max(20,400//n);t=time.perf_counter()
            for _ in range(k):f(x,Wd,Hd)
            torch.cuda.synchronize();s=(time.perf_counter()-t)/k
            print("%s batch %3d: %7.2f ms/run %8.0f frames/s"%(str(dt)[6:],n,s*1000,n/s))
